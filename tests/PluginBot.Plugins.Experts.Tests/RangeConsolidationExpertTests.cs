using PluginBot.Experts.RangeConsolidation;
using PluginBot.Plugins.Experts.Tests.Infrastructure;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Signals;

namespace PluginBot.Plugins.Experts.Tests;

public sealed class RangeConsolidationExpertTests
{
    // Range(4), ATR(2), volatility average over 3 values, ADX(2): all ready at bar 4. "Quiet" allows 1.1 × the
    // average volatility because ATR/close moves a little with the close even when ATR does not.
    private const string Small =
        """{"rangePeriod":4,"volatilityPeriod":2,"volatilityHistory":3,"maximumVolatilityRatio":1.1,"trendPeriod":2,"edgeZone":0.25,"horizonBars":3}""";

    [Fact]
    public void Evaluate_QuietRange_BuysTheBottomEdgeSellsTheTopAndAbstainsInTheMiddle()
    {
        // Every bar spans 99–101, so the range is 99–101 (height 2), every true range is 2 and ATR is 2, and highs
        // and lows never move: no directional movement, ADX 0.
        // Close 99.2 sits at 0.1 of the range: depth (0.25 − 0.1)/0.25 = 0.6, confidence 0.5 + 0.5·0.6 = 0.8.
        // Close 100.9 sits at 0.95: depth (0.95 − 0.75)/0.25 = 0.8, confidence 0.9.
        var expert = TestContext.Initialized<RangeConsolidationExpert>(Small);
        double[] closes = [100, 100, 100, 100, 99.2, 100.9, 100];
        var signals = closes.Select((close, index) => expert.Evaluate(Bars.Make(index, 100, 101, 99, close))).ToArray();

        Assert.All(signals[..4], signal => Assert.Equal(Signal.Hold, signal));
        Assert.Equal(SignalDirection.Long, signals[4].Direction);
        Assert.Equal(0.8, signals[4].Confidence, 12);
        Assert.Equal(TimeSpan.FromMinutes(3), signals[4].Horizon);
        Assert.Equal(SignalDirection.Short, signals[5].Direction);
        Assert.Equal(0.9, signals[5].Confidence, 12);
        Assert.Equal(Signal.Hold, signals[6]);
    }

    [Fact]
    public void Evaluate_VolatilityExpansionAtTheEdge_Abstains()
    {
        // A 97–103 bar closing at 97.2 is at the new range's bottom (0.033), but its true range of 6 lifts ATR(2) from
        // 2 to 4: volatility doubles against its average, so the range is not quiet any more.
        var expert = TestContext.Initialized<RangeConsolidationExpert>(Small);
        for (var index = 0; index < 5; index++)
        {
            expert.Evaluate(Bars.Make(index, 100, 101, 99, 100));
        }

        Assert.Equal(Signal.Hold, expert.Evaluate(Bars.Make(5, 100, 103, 97, 97.2)));
    }

    [Fact]
    public void Evaluate_SteadyDecline_AbstainsOnTrendStrengthAlone()
    {
        // Highs and lows step down by 0.5 a bar and each close is 0.1 above its low: the close is at the channel's
        // bottom (position 0.1/3.5), volatility is flat, but −DM every bar makes ADX 100. Allowing any ADX turns the
        // same bar into a long, so trend strength is what held it back.
        Bar[] bars = Enumerable.Range(0, 8)
            .Select(index => Bars.Make(index, 100.1 - (0.5 * index), 101 - (0.5 * index), 99 - (0.5 * index), 99.1 - (0.5 * index)))
            .ToArray();
        var strict = TestContext.Initialized<RangeConsolidationExpert>(Small);
        var lenient = TestContext.Initialized<RangeConsolidationExpert>(Small.Replace("\"edgeZone\"", "\"maximumTrendStrength\":100,\"edgeZone\""));

        var strictLast = bars.Select(bar => strict.Evaluate(bar)).ToArray()[^1];
        var lenientLast = bars.Select(bar => lenient.Evaluate(bar)).ToArray()[^1];

        Assert.Equal(Signal.Hold, strictLast);
        Assert.Equal(SignalDirection.Long, lenientLast.Direction);
        Assert.Equal(0.5 + (0.5 * (0.25 - (0.1 / 3.5)) / 0.25), lenientLast.Confidence, 12);
    }

    [Theory]
    [InlineData("""{"edgeZone":0.6}""", "$.experts[0].settings.edgeZone")]
    [InlineData("""{"rangePeriod":1}""", "$.experts[0].settings.rangePeriod")]
    [InlineData("""{"maximumTrendStrength":101}""", "$.experts[0].settings.maximumTrendStrength")]
    [InlineData("""{"maximumAdx":20}""", "$.experts[0].settings.maximumAdx")]
    public void Initialize_BadSetting_ThrowsNamingTheSettingPath(string settings, string path)
    {
        var error = Assert.Throws<PluginSettingsException>(() => TestContext.Initialized<RangeConsolidationExpert>(settings));
        Assert.Equal(path, error.Path);
    }
}
