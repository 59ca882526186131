using PluginBot.Plugins.RegimeRules;
using PluginBot.Sdk.Regimes;

namespace PluginBot.Plugins.Experts.Tests;

public sealed class RegimeScoresTests
{
    [Theory]
    [InlineData(25, 0.5)]
    [InlineData(10, 0.2)]
    [InlineData(60, 1)]
    public void TrendStrengthScore_Adx_MapsWildersThresholdToOneHalf(double adx, double expected) =>
        Assert.Equal(expected, RegimeScores.TrendStrengthScore(adx), 12);

    [Theory]
    [InlineData(0.25, 16, 0.5)] // a random walk's 1/√16
    [InlineData(0.125, 16, 0.25)]
    [InlineData(0.625, 16, 0.75)] // 0.5 + 0.5·(0.625 − 0.25)/0.75
    [InlineData(1, 16, 1)]
    [InlineData(0, 4, 0)]
    public void EfficiencyScore_Ratio_MapsTheRandomWalkLevelToOneHalf(double ratio, int period, double expected) =>
        Assert.Equal(expected, RegimeScores.EfficiencyScore(ratio, period), 12);

    [Fact]
    public void TrendScore_ThreeReadings_IsTheirEqualWeightMean()
    {
        // ADX 25 → 0.5, ER 0.25 over 16 → 0.5, Hurst 0.8 → 0.8: mean 0.6.
        Assert.Equal(0.6, RegimeScores.TrendScore(25, 0.25, 16, 0.8), 12);
    }

    [Fact]
    public void Combine_TopTailVolatility_GivesHighVolatilityWeightFromTheTailEdge()
    {
        // Percentile 0.95 with a 0.2 tail: high weight (0.95 − 0.8)/0.2 = 0.75, low 0; trend 0.7, ranging 0.3;
        // total 1.75.
        var estimate = RegimeScores.Combine(0.95, 0.7, 0.2);

        Assert.Equal(0.75 / 1.75, estimate.HighVolatility, 12);
        Assert.Equal(0, estimate.LowVolatility);
        Assert.Equal(0.7 / 1.75, estimate.Trending, 12);
        Assert.Equal(0.3 / 1.75, estimate.Ranging, 12);
        Assert.Equal(MarketRegime.HighVolatility, estimate.MostLikely);
    }

    [Fact]
    public void Combine_MiddlePercentile_LeavesTheDecisionToTheTrendScore()
    {
        var estimate = RegimeScores.Combine(0.5, 0.3, 0.2);

        Assert.Equal(new RegimeEstimate(0, 0, 0.3, 0.7), estimate);
        Assert.Equal(MarketRegime.Ranging, estimate.MostLikely);
    }

    [Fact]
    public void Combine_BottomPercentile_GivesLowVolatilityFullWeight()
    {
        var estimate = RegimeScores.Combine(0, 0.5, 0.2);

        Assert.Equal(0.5, estimate.LowVolatility, 12);
        Assert.Equal(0.25, estimate.Trending, 12);
        Assert.Equal(MarketRegime.LowVolatility, estimate.MostLikely);
    }
}
