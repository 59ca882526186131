using PluginBot.Plugins.Experts.Tests.Infrastructure;
using PluginBot.Plugins.RegimeRules;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Regimes;

namespace PluginBot.Plugins.Experts.Tests;

public sealed class RuleBasedRegimeDetectorTests
{
    // Warm-up: max(5 + 30, 2·5, 10 + 1, 30) = 35 bars.
    private const string Small =
        """{"volatilityPeriod":5,"volatilityHistory":30,"trendPeriod":5,"efficiencyPeriod":10,"hurstPeriod":30,"hurstMaximumLag":8,"switchMargin":0.05,"confirmationBars":3}""";

    [Fact]
    public void Update_BeforeWarmUp_ReportsTheUniformEstimate()
    {
        var detector = TestContext.Initialized<RuleBasedRegimeDetector>(Small);
        var bars = new SyntheticSeries(1).RandomWalk(60, 1).Bars;
        var estimates = bars.Select(bar => detector.Update(bar)).ToArray();

        Assert.Equal(35, detector.Options.WarmUpBars);
        Assert.All(estimates[..34], estimate => Assert.Equal(new RegimeEstimate(0.25, 0.25, 0.25, 0.25), estimate));
        Assert.NotEqual(RuleBasedRegimeDetector.Uniform, estimates[34]);
    }

    [Fact]
    public void Update_CalmThenVolatile_SwitchesToHighVolatilityOnTheConfirmationBar()
    {
        // Calm: steps shrink 1 % a bar, so ATR/close falls below all its history: percentile 0, low volatility.
        // Volatile: steps of 5 against a calm ATR near 0.4: the first volatile bar's ATR/close tops its history,
        // so high volatility leads by far more than the margin from that bar on and is reported on its third bar.
        const int calm = 120;
        var series = new SyntheticSeries(42).RandomWalk(calm, 1, decay: 0.99).RandomWalk(40, 5);
        var detector = TestContext.Initialized<RuleBasedRegimeDetector>(Small);
        var reported = new List<RegimeEstimate>();
        var raw = new List<RegimeEstimate>();
        foreach (var bar in series.Bars)
        {
            reported.Add(detector.Update(bar));
            raw.Add(detector.UnfilteredEstimate(bar.Symbol));
        }

        Assert.All(reported[(calm - 20)..calm], estimate => Assert.Equal(MarketRegime.LowVolatility, estimate.MostLikely));
        Assert.Equal(0.5, raw[calm].HighVolatility, 12);
        Assert.Equal(MarketRegime.LowVolatility, reported[calm].MostLikely);
        Assert.Equal(MarketRegime.LowVolatility, reported[calm + 1].MostLikely);
        Assert.Equal(MarketRegime.HighVolatility, reported[calm + 2].MostLikely);
        Assert.All(reported[(calm + 2)..(calm + 8)], estimate => Assert.Equal(MarketRegime.HighVolatility, estimate.MostLikely));
    }

    [Fact]
    public void Update_TrendThenRange_FollowsWithTheIndicatorLagPlusConfirmation()
    {
        // Both stretches have steps of 1 ± 0.5, so volatility does not change; only the direction pattern does.
        const int trend = 150;
        var series = new SyntheticSeries(7).Trend(trend).Zigzag(150);
        var detector = TestContext.Initialized<RuleBasedRegimeDetector>(Small);
        var reported = new List<RegimeEstimate>();
        var raw = new List<RegimeEstimate>();
        foreach (var bar in series.Bars)
        {
            reported.Add(detector.Update(bar));
            raw.Add(detector.UnfilteredEstimate(bar.Symbol));
        }

        var lateTrend = reported[(trend - 60)..trend];
        Assert.True(lateTrend.Count(estimate => estimate.MostLikely == MarketRegime.Trending) >= 54, "trending in at least 90 % of the late trend");
        var lateRange = reported[^60..];
        Assert.True(lateRange.Count(estimate => estimate.MostLikely == MarketRegime.Ranging) >= 54, "ranging in at least 90 % of the late range");

        // The documented delay: reported ranging comes exactly confirmationBars − 1 bars after the raw estimate
        // starts a run of three bars leading trending by more than the margin, and not before the range starts.
        var firstReported = reported.FindIndex(trend, estimate => estimate.MostLikely == MarketRegime.Ranging);
        var runStart = Enumerable.Range(trend, reported.Count - trend - 2)
            .First(index => Enumerable.Range(index, 3).All(bar => raw[bar].Ranging - raw[bar].Trending > 0.05));
        Assert.Equal(runStart + 2, firstReported);
        // The trend measures need roughly an ADX smoothing plus the Hurst window to let go of the trend.
        Assert.InRange(firstReported - trend, 2, 30);
    }

    [Fact]
    public void Update_EveryBar_ProbabilitiesAreNonNegativeAndSumToOne()
    {
        var detector = TestContext.Initialized<RuleBasedRegimeDetector>(Small);
        var series = new SyntheticSeries(3).RandomWalk(100, 1, decay: 0.99).RandomWalk(50, 5).Trend(100).Zigzag(100);

        foreach (var bar in series.Bars)
        {
            var estimate = detector.Update(bar);
            var total = 0.0;
            for (var regime = MarketRegime.HighVolatility; regime <= MarketRegime.Ranging; regime++)
            {
                Assert.InRange(estimate[regime], 0, 1);
                total += estimate[regime];
            }

            Assert.Equal(1, total, 12);
        }
    }

    [Fact]
    public void Update_TwoSymbolsInterleaved_GiveTheSameEstimatesAsEachAlone()
    {
        var first = new SyntheticSeries(11).Trend(80).Bars;
        var second = new SyntheticSeries(12).Zigzag(80).Bars.Select(bar => bar with { Symbol = "OTHER" }).ToArray();
        var shared = TestContext.Initialized<RuleBasedRegimeDetector>(Small);
        var alone = TestContext.Initialized<RuleBasedRegimeDetector>(Small);
        var otherAlone = TestContext.Initialized<RuleBasedRegimeDetector>(Small);

        for (var index = 0; index < first.Count; index++)
        {
            Assert.Equal(alone.Update(first[index]), shared.Update(first[index]));
            Assert.Equal(otherAlone.Update(second[index]), shared.Update(second[index]));
        }

        Assert.NotEqual(shared.UnfilteredEstimate(Bars.Symbol), shared.UnfilteredEstimate("OTHER"));
    }

    [Theory]
    [InlineData("""{"volatilityTail":0.6}""", "$.experts[0].settings.volatilityTail")]
    [InlineData("""{"confirmationBars":0}""", "$.experts[0].settings.confirmationBars")]
    [InlineData("""{"hurstPeriod":20,"hurstMaximumLag":19}""", "$.experts[0].settings.hurstMaximumLag")]
    [InlineData("""{"switchMargin":-0.1}""", "$.experts[0].settings.switchMargin")]
    [InlineData("""{"hysteresis":true}""", "$.experts[0].settings.hysteresis")]
    public void Initialize_BadSetting_ThrowsNamingTheSettingPath(string settings, string path)
    {
        var error = Assert.Throws<PluginSettingsException>(() => TestContext.Initialized<RuleBasedRegimeDetector>(settings));
        Assert.Equal(path, error.Path);
    }
}
