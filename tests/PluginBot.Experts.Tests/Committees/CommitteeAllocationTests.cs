using PluginBot.Experts.Committees;
using PluginBot.Experts.Ensembles;
using PluginBot.Experts.Routing;
using PluginBot.Sdk.Regimes;
using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.Tests.Committees;

public sealed class CommitteeAllocationTests
{
    public static TheoryData<string> Ensembles => ["weighted", "majority", "bayesian"];

    [Theory]
    [MemberData(nameof(Ensembles))]
    public void Decide_SteadyState_AllocatesNothing(string ensemble)
    {
        Func<int, IEnsemble> create = ensemble switch
        {
            "weighted" => count => new WeightedVotingEnsemble(count),
            "majority" => count => new DynamicWeightedMajorityEnsemble(count),
            _ => count => new BayesianModelAveragingEnsemble(count),
        };
        var committee = new ExpertCommittee(Roster.ThreeExperts(), create, new CommitteeOptions { Routing = new RouterOptions { Mode = RoutingMode.Soft } });
        Signal[][] votes =
        [
            [Signal.Long(0.8), Signal.Short(0.6), Signal.Long(0.5)],
            [Signal.Short(0.4), Signal.Hold, Signal.Flat(0.5)],
        ];
        RegimeEstimate?[] regimes = [Roster.MostlyTrending, new RegimeEstimate(0.5, 0.1, 0.1, 0.3), null];
        string[] symbols = ["BTCUSDT", "ETHUSDT"];

        // Warm-up creates each symbol's state and gets every path compiled.
        var checksum = Run(committee, symbols, votes, regimes, 200);
        var before = GC.GetAllocatedBytesForCurrentThread();
        checksum += Run(committee, symbols, votes, regimes, 10_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(double.IsFinite(checksum));
    }

    private static double Run(ExpertCommittee committee, string[] symbols, Signal[][] votes, RegimeEstimate?[] regimes, int bars)
    {
        var checksum = 0.0;
        for (var bar = 0; bar < bars; bar++)
        {
            foreach (var symbol in symbols)
            {
                // A deterministic zig-zag price so the ensembles keep learning.
                var close = 100 + (bar % 7) - (bar % 3);
                var decision = committee.Decide(symbol, close, regimes[bar % regimes.Length], votes[bar % votes.Length]);
                checksum += decision.Signal.Confidence + decision.Disagreement + decision.GetEnsembleWeight(0);
            }
        }

        return checksum;
    }
}
