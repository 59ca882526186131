using PluginBot.Experts.TrendFollowing;
using PluginBot.Indicators;
using PluginBot.Plugins.Experts.Tests.Infrastructure;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Signals;

namespace PluginBot.Plugins.Experts.Tests;

public sealed class TrendFollowingExpertTests
{
    // Small periods so every value can be followed by hand: MACD 2/3/2 is ready at bar 4, ADX(2) at bar 4 (2n),
    // Donchian(3) at bar 3.
    private const string Small = """{"fastPeriod":2,"slowPeriod":3,"signalPeriod":2,"breakoutPeriod":3,"trendPeriod":2,"horizonBars":4}""";

    [Fact]
    public void Evaluate_AcceleratingRise_HoldsThroughWarmUpThenGoesLongWithFullConfidence()
    {
        // Closes 100, 101, 103, 106, 110, 115. MACD line at bar 4: fast EMA 104.722 − slow EMA 103.667 = 1.056, signal
        // (0.833 + 1.056)/2 = 0.944, histogram +0.111; every bar makes a new high (breakout +1); lows only rise, so −DM
        // is 0, DX is 100 and ADX is 100: confidence min(1, 100/50) = 1.
        var expert = TestContext.Initialized<TrendFollowingExpert>(Small);
        var signals = Bars.FromCloses([100, 101, 103, 106, 110, 115]).Select(bar => expert.Evaluate(bar)).ToArray();

        Assert.Equal([Signal.Hold, Signal.Hold, Signal.Hold], signals[..3]);
        Assert.All(signals[3..], signal => Assert.Equal(Signal.Long(1, TimeSpan.FromMinutes(4)), signal));
    }

    [Fact]
    public void Evaluate_AcceleratingFall_GoesShortWithFullConfidence()
    {
        var expert = TestContext.Initialized<TrendFollowingExpert>(Small);
        var signals = Bars.FromCloses([100, 99, 97, 94, 90, 85]).Select(bar => expert.Evaluate(bar)).ToArray();

        Assert.All(signals[..3], signal => Assert.Equal(Signal.Hold, signal));
        Assert.All(signals[3..], signal => Assert.Equal(Signal.Short(1, TimeSpan.FromMinutes(4)), signal));
    }

    [Fact]
    public void Evaluate_DeceleratingRise_AbstainsBecauseMomentumDisagreesWithTheCross()
    {
        // Still rising with new highs (cross and breakout say long) but each step is smaller: the MACD line falls
        // below its signal average, so the histogram says the trend is fading.
        var closes = new double[] { 100, 105, 109, 112, 114, 115 };
        var expert = TestContext.Initialized<TrendFollowingExpert>(Small);
        var macd = new MovingAverageConvergenceDivergence(2, 3, 2);
        foreach (var bar in Bars.FromCloses(closes))
        {
            macd.Update((double)bar.Close);
            var signal = expert.Evaluate(bar);
            if (macd.IsReady)
            {
                Assert.True(macd.Value > 0 && macd.Histogram < 0, "precondition: line above zero, histogram below");
                Assert.Equal(Signal.Hold, signal);
            }
        }
    }

    [Fact]
    public void Evaluate_RiseWithPullbacks_TakesConfidenceFromAdx()
    {
        // Two steps of 2 up, then 3.5 down to a lower low: +DM 4 and −DM 1.5 per cycle, so DX is about
        // 100·2.5/5.5 ≈ 45 and ADX stays below 50, setting the confidence unclamped. The series ends on a new high.
        var closes = new double[] { 100, 102, 104, 100.5, 102.5, 104.5, 101, 103, 105, 101.5, 103.5, 105.5 };
        var bars = Bars.FromCloses(closes, wick: 0.25);
        var expert = TestContext.Initialized<TrendFollowingExpert>("""{"fastPeriod":2,"slowPeriod":3,"signalPeriod":2,"breakoutPeriod":3,"trendPeriod":3,"horizonBars":4}""");
        var index = new AverageDirectionalIndex(3);
        var signal = Signal.Hold;
        foreach (var bar in bars)
        {
            index.Update(BarSample.From(bar));
            signal = expert.Evaluate(bar);
        }

        Assert.True(index.Value is > 0 and < 50, $"precondition: ADX {index.Value} is not clamped");
        Assert.Equal(SignalDirection.Long, signal.Direction);
        Assert.Equal(index.Value / 50, signal.Confidence, 12);
        Assert.Equal(TimeSpan.FromMinutes(4), signal.Horizon);
    }

    [Fact]
    public void Evaluate_TwoSymbols_KeepSeparateState()
    {
        var expert = TestContext.Initialized<TrendFollowingExpert>(Small);
        var up = Bars.FromCloses([100, 101, 103, 106, 110, 115], symbol: "UP");
        var down = Bars.FromCloses([100, 99, 97, 94, 90, 85], symbol: "DOWN");
        var last = (Up: Signal.Hold, Down: Signal.Hold);
        for (var index = 0; index < up.Length; index++)
        {
            last = (expert.Evaluate(up[index]), expert.Evaluate(down[index]));
        }

        Assert.Equal(SignalDirection.Long, last.Up.Direction);
        Assert.Equal(SignalDirection.Short, last.Down.Direction);
    }

    [Theory]
    [InlineData("""{"fastPeriodd":5}""", "$.experts[0].settings.fastPeriodd")]
    [InlineData("""{"slowPeriod":1}""", "$.experts[0].settings.slowPeriod")]
    [InlineData("""{"fastPeriod":30}""", "$.experts[0].settings.fastPeriod")]
    [InlineData("""{"horizonBars":"ten"}""", "$.experts[0].settings.horizonBars")]
    [InlineData("""{"breakoutPeriod":0}""", "$.experts[0].settings.breakoutPeriod")]
    public void Initialize_BadSetting_ThrowsNamingTheSettingPath(string settings, string path)
    {
        var error = Assert.Throws<PluginSettingsException>(() => TestContext.Initialized<TrendFollowingExpert>(settings));
        Assert.Equal(path, error.Path);
    }
}
