using PluginBot.Plugins.Risk.Correlation;
using PluginBot.Plugins.Risk.Tests.Infrastructure;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using static PluginBot.Plugins.Risk.Tests.Infrastructure.RiskContext;

namespace PluginBot.Plugins.Risk.Tests;

// Unless a case says otherwise: equity 10,000 and the default cap of 0.5, so a cluster may hold 5,000.
// BTC and ETH have moved together (ETH's returns are twice BTC's) for 20 bars: one cluster. ETH is priced at 1,000
// and BTC at 100,000 in the intents and positions.
public sealed class CorrelationRiskManagerTests
{
    private const string Third = "SOLUSDT";
    private static readonly DateTime Origin = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    // x: + − + − …, y: + + − − …; over any multiple of four bars both have mean 0 and Σxy = 0, so they are uncorrelated.
    private static readonly double[] X = [.. Enumerable.Range(0, 20).Select(index => index % 2 == 0 ? 0.01 : -0.01)];
    private static readonly double[] Y = [.. Enumerable.Range(0, 20).Select(index => index % 4 < 2 ? 0.01 : -0.01)];

    [Fact]
    public void Correlation_ReturnsProportionalToEachOther_IsOneAndFormsACluster()
    {
        var layer = Layer(new FakePortfolio());

        Feed(layer, (Symbol, X), (OtherSymbol, [.. X.Select(value => 2 * value)]));

        Assert.Equal(1d, layer.Correlation(Symbol, OtherSymbol)!.Value, precision: 9);
        var cluster = Assert.Single(layer.Clusters);
        Assert.Equal([Symbol, OtherSymbol], cluster);
    }

    [Fact]
    public void Correlation_OppositeMoves_IsMinusOneAndFormsNoCluster()
    {
        var layer = Layer(new FakePortfolio());

        Feed(layer, (Symbol, X), (OtherSymbol, [.. X.Select(value => -value)]));

        Assert.Equal(-1d, layer.Correlation(Symbol, OtherSymbol)!.Value, precision: 9);
        Assert.Empty(layer.Clusters);
    }

    [Fact]
    public void Correlation_FewerSharedReturnsThanTheMinimum_IsUnknownAndFormsNoCluster()
    {
        // 20 bars give 19 returns; the default minimum is 20 shared returns.
        var layer = Layer(new FakePortfolio());

        Feed(layer, (Symbol, X[..19]), (OtherSymbol, X[..19]));

        Assert.Null(layer.Correlation(Symbol, OtherSymbol));
        Assert.Empty(layer.Clusters);
    }

    [Theory]
    [InlineData(13, true)]
    [InlineData(14, false)]
    public void Correlation_GapsInOneFeed_PairsOnlyReturnsOfTheSameBarTime(int minimumObservations, bool known)
    {
        // BTC: 21 bars, 20 returns. ETH misses every third bar (7 of 21): 14 bars, 13 returns, each stamped with a
        // bar time BTC also has. So the pair shares 13 returns, not 20.
        var layer = Layer(new FakePortfolio(), $$"""{ "window": 40, "minimumObservations": {{minimumObservations}} }""");
        var btc = Bars(Symbol, 100m, X);
        var eth = Bars(OtherSymbol, 100m, X).Where((_, index) => index % 3 != 2).ToArray();
        foreach (var bar in btc.Concat(eth).OrderBy(bar => bar.EndTime))
        {
            layer.Observe(bar);
        }

        Assert.Equal(known, layer.Correlation(Symbol, OtherSymbol) is not null);
    }

    [Fact]
    public void Clusters_ChainOfCorrelatedPairs_JoinsAllThreeBySingleLinkage()
    {
        // A = x, B = x + y, C = y. corr(A, B) = corr(B, C) = 1/√2 ≈ 0.7071 > 0.7, corr(A, C) = 0: one cluster anyway.
        var layer = Layer(new FakePortfolio());

        Feed(layer, (Symbol, X), (OtherSymbol, [.. X.Zip(Y, (x, y) => x + y)]), (Third, Y));

        Assert.Equal(1d / Math.Sqrt(2), layer.Correlation(Symbol, OtherSymbol)!.Value, precision: 6);
        Assert.Equal(0d, layer.Correlation(Symbol, Third)!.Value, precision: 6);
        Assert.Equal([Symbol, OtherSymbol, Third], Assert.Single(layer.Clusters));
    }

    [Fact]
    public void Clusters_PairJustBelowTheThreshold_StaysApart()
    {
        // The same 1/√2 ≈ 0.7071 against a threshold of 0.71.
        var layer = Layer(new FakePortfolio(), """{ "correlationThreshold": 0.71 }""");

        Feed(layer, (Symbol, X), (OtherSymbol, [.. X.Zip(Y, (x, y) => x + y)]));

        Assert.Empty(layer.Clusters);
    }

    [Fact]
    public void Assess_ClusterStaysUnderTheCap_Approves()
    {
        // ETH 2 × 1,000 = 2,000 + BTC 0.03 × 100,000 = 3,000 → 5,000, exactly the cap.
        var layer = Correlated(new FakePortfolio().WithPosition(OtherSymbol, 2m, 1_000m));

        Assert.Equal(RiskVerdict.Approve, layer.Assess(Buy(0.03m, 100_000m)).Verdict);
    }

    [Fact]
    public void Assess_ClusterPastTheCap_ScalesToTheRoomLeftByTheOtherMembers()
    {
        // ETH 3,000 held; BTC 0.04 = 4,000 → 7,000 > 5,000. Room 5,000 − 3,000 = 2,000 of 4,000 → 0.5.
        var layer = Correlated(new FakePortfolio().WithPosition(OtherSymbol, 3m, 1_000m));

        var assessment = layer.Assess(Buy(0.04m, 100_000m));

        Assert.Equal(RiskVerdict.Scale, assessment.Verdict);
        Assert.Equal(0.5m, assessment.Scale);
        Assert.StartsWith("the correlated cluster {BTCUSDT, ETHUSDT} (return correlation above 0.7 over the last 30 bars) would hold 7000.00 after the order (3000.00 in the other members)", assessment.Reason);
        Assert.Contains("over its cap of 0.5 × equity 10000.00 = 5000.00", assessment.Reason);
        Assert.EndsWith("room 2000.00 of the requested 4000.00, scaled by 0.5000", assessment.Reason);
    }

    [Fact]
    public void Assess_ShortMembersCountByTheirAbsoluteValue_ScalesToTheRoom()
    {
        // ETH short 4 = |−4,000|; BTC long 0.003 held = 300. Buy 0.02 more → BTC 2,300 + 4,000 = 6,300.
        // Room = 5,000 − 4,000 − 300 = 700 of 2,000 → 0.35.
        var layer = Correlated(new FakePortfolio().WithPosition(OtherSymbol, -4m, 1_000m).WithPosition(Symbol, 0.003m, 100_000m));

        Assert.Equal(0.35m, layer.Assess(Buy(0.02m, 100_000m, currentPosition: 0.003m)).Scale);
    }

    [Fact]
    public void Assess_FlipPastTheCap_CountsTheClosingPartAsRoom()
    {
        // ETH 3,000; BTC long 0.01 = 1,000. Sell 0.05 → short 0.04 = 4,000 → 7,000. Room = 5,000 − 3,000 + 1,000 = 3,000
        // of 5,000 → 0.6. Check: selling 0.03 leaves short 0.02 = 2,000, and 2,000 + 3,000 = 5,000.
        var layer = Correlated(new FakePortfolio().WithPosition(OtherSymbol, 3m, 1_000m).WithPosition(Symbol, 0.01m, 100_000m));

        Assert.Equal(0.6m, layer.Assess(Sell(0.05m, 100_000m, currentPosition: 0.01m)).Scale);
    }

    [Fact]
    public void Assess_OtherMembersUseTheWholeCap_Vetoes()
    {
        var layer = Correlated(new FakePortfolio().WithPosition(OtherSymbol, 5m, 1_000m));

        var assessment = layer.Assess(Buy(0.001m, 100_000m));

        Assert.Equal(RiskVerdict.Veto, assessment.Verdict);
        Assert.EndsWith("no room left (0.00)", assessment.Reason);
    }

    [Fact]
    public void Assess_ReductionWhileTheClusterIsOverItsCap_Approves()
    {
        var layer = Correlated(new FakePortfolio().WithPosition(OtherSymbol, 8m, 1_000m).WithPosition(Symbol, 0.05m, 100_000m));

        Assert.Equal(RiskVerdict.Approve, layer.Assess(Sell(0.01m, 100_000m, currentPosition: 0.05m)).Verdict);
    }

    [Fact]
    public void Assess_SymbolInNoCluster_IsNotLimitedHere()
    {
        // Opposite moves: no cluster, so even 9,000 next to a 3,000 ETH position is the position limit's business, not this layer's.
        var layer = Layer(new FakePortfolio().WithPosition(OtherSymbol, 3m, 1_000m));
        Feed(layer, (Symbol, X), (OtherSymbol, [.. X.Select(value => -value)]));

        Assert.Equal(RiskVerdict.Approve, layer.Assess(Buy(0.09m, 100_000m)).Verdict);
    }

    [Fact]
    public void State_ClusterOverItsCapAfterPricesMoved_IsReducingAndVetoesEntriesIntoIt()
    {
        // ETH 3 × 1,000 + BTC 0.03 × 100,000 = 6,000 > 5,000 (the positions were legal at older prices).
        var portfolio = new FakePortfolio().WithPosition(OtherSymbol, 3m, 1_000m).WithPosition(Symbol, 0.03m, 100_000m);
        var layer = Correlated(portfolio);

        Assert.Equal(RiskState.Reducing, layer.State);
        Assert.Equal([Symbol, OtherSymbol], layer.OverCapCluster());
        Assert.Equal(RiskVerdict.Veto, layer.Assess(Buy(0.001m, 100_000m, currentPosition: 0.03m)).Verdict);

        portfolio.WithPosition(Symbol, 0.02m, 100_000m);
        Assert.Equal(RiskState.Active, layer.State);
    }

    [Theory]
    [InlineData("""{ "window": 10, "minimumObservations": 11 }""", "$.risk[0].settings.minimumObservations", "expected at most the window of 10 returns, found 11")]
    [InlineData("""{ "correlationThreshold": 1.5 }""", "$.risk[0].settings.correlationThreshold", "expected a value from 0 to 1, found 1.5")]
    [InlineData("""{ "window": 1 }""", "$.risk[0].settings.window", "expected a value from 2 to 10000, found 1")]
    [InlineData("""{ "maximumClusterFraction": 0 }""", "$.risk[0].settings.maximumClusterFraction", "expected a value from 0.0001 to 100, found 0")]
    [InlineData("""{ "threshold": 0.8 }""", "$.risk[0].settings.threshold", "unknown setting")]
    public void Initialize_BadSettings_ThrowsNamingTheSettingPath(string settings, string path, string problem)
    {
        var exception = Assert.Throws<PluginSettingsException>(() => Layer(new FakePortfolio(), settings));

        Assert.Equal(path, exception.Path);
        Assert.Contains(problem, exception.Message);
    }

    private static CorrelationRiskManager Layer(FakePortfolio portfolio, string settings = "{}") =>
        Initialized<CorrelationRiskManager>(portfolio, settings);

    private static CorrelationRiskManager Correlated(FakePortfolio portfolio)
    {
        var layer = Layer(portfolio);
        Feed(layer, (Symbol, X), (OtherSymbol, [.. X.Select(value => 2 * value)]));
        return layer;
    }

    /// <summary>Observes each symbol's bars, built from its returns, interleaved by time as the engine delivers them.</summary>
    private static void Feed(CorrelationRiskManager layer, params (string Symbol, double[] Returns)[] series)
    {
        foreach (var bar in series.SelectMany(item => Bars(item.Symbol, 100m, item.Returns)).OrderBy(bar => bar.EndTime).ThenBy(bar => bar.Symbol, StringComparer.Ordinal))
        {
            layer.Observe(bar);
        }
    }

    /// <summary>One minute bar at <paramref name="start"/>, then one per return: close = previous close × (1 + return).</summary>
    private static Bar[] Bars(string symbol, decimal start, double[] returns)
    {
        var bars = new Bar[returns.Length + 1];
        var close = start;
        bars[0] = new Bar(symbol, BarInterval.OneMinute, Origin, close, close, close, close, 1m);
        for (var index = 0; index < returns.Length; index++)
        {
            close *= 1m + (decimal)returns[index];
            bars[index + 1] = new Bar(symbol, BarInterval.OneMinute, Origin.AddMinutes(index + 1), close, close, close, close, 1m);
        }

        return bars;
    }
}
