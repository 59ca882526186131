using System.Globalization;
using PluginBot.Experts.Committees;
using PluginBot.Experts.Ensembles;
using PluginBot.Experts.Routing;
using PluginBot.Sdk.Regimes;
using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.Tests.Committees;

public sealed class CommitteeOnRealBarsTests
{
    [Fact]
    public void Decide_MomentumAgainstContrarianOnBitcoinHours_WeightsFollowTheirMistakeCounts()
    {
        // Real closes: 119 hourly BTCUSDT bars (Binance, May 2018). Momentum follows the last move, the contrarian
        // bets against it; on every move that follows exactly one of them is wrong, so with β = 0.5 and no floor
        // the weight ratio momentum ÷ contrarian must be 0.5^(momentum's mistakes − contrarian's mistakes).
        var closes = ReadCloses("TestData/binance_btcusdt_hour_trade_20180501_20180505_UTC.csv");
        var sets = new ExpertSets(["momentum", "contrarian"], new Dictionary<MarketRegime, IReadOnlyList<string>>());
        var committee = new ExpertCommittee(
            sets,
            count => new DynamicWeightedMajorityEnsemble(count, new DynamicWeightedMajorityOptions { Penalty = 0.5, MinimumWeight = 0 }));
        var signals = new Signal[2];
        var mistakeDifference = 0;
        var momentumMistakes = 0;
        var contrarianMistakes = 0;
        var previousMove = 0;

        for (var bar = 0; bar < closes.Length; bar++)
        {
            var move = bar == 0 ? 0 : Math.Sign(closes[bar] - closes[bar - 1]);
            if (bar >= 2 && move != 0 && previousMove != 0)
            {
                // The previous decision bet on previousMove (momentum) and against it (contrarian).
                if (move != previousMove)
                {
                    mistakeDifference++;
                    momentumMistakes++;
                }
                else
                {
                    mistakeDifference--;
                    contrarianMistakes++;
                }
            }

            signals[0] = Bet(move);
            signals[1] = Bet(-move);
            var decision = committee.Decide("BTCUSDT", closes[bar], null, signals);
            previousMove = move;

            var momentum = decision.GetEnsembleWeight(0);
            var contrarian = decision.GetEnsembleWeight(1);
            Assert.Equal(Math.Pow(0.5, mistakeDifference), momentum / contrarian, 1e-9);
            if (move != 0 && momentum != contrarian)
            {
                // Opposite votes with confidence 1: score = ±(wm − wc), disagreement 1 − |wm − wc|, so the final
                // confidence is (wm − wc)² and the direction is the heavier expert's.
                var heavier = momentum > contrarian ? signals[0] : signals[1];
                Assert.Equal(heavier.Direction, decision.Signal.Direction);
                Assert.Equal((momentum - contrarian) * (momentum - contrarian), decision.Signal.Confidence, 1e-12);
            }
        }

        // Both experts were wrong many times, so the check above exercised real updates in both directions.
        Assert.True(momentumMistakes > 20 && contrarianMistakes > 20, $"{momentumMistakes} and {contrarianMistakes} mistakes");
    }

    private static Signal Bet(int direction) => direction switch
    {
        > 0 => Signal.Long(1),
        < 0 => Signal.Short(1),
        _ => Signal.Hold,
    };

    private static double[] ReadCloses(string path) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, path))
            .Skip(1)
            .Select(line => double.Parse(line.Split(',')[4], CultureInfo.InvariantCulture))
            .ToArray();
}
