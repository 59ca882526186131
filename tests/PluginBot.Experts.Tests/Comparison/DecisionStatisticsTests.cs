using PluginBot.Experts.Comparison;
using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.Tests.Comparison;

public sealed class DecisionStatisticsTests
{
    private const double Tolerance = 1e-12;

    private static DecisionStatistics HandCase()
    {
        // (confidence, return): promised hit probabilities 0.6, 0.8, 0.8, 1.0; hits: yes, no, yes, yes.
        var statistics = new DecisionStatistics(reliabilityBinCount: 10);
        statistics.Record(0.2, 0.01);
        statistics.Record(0.6, -0.02);
        statistics.Record(0.6, 0.03);
        statistics.Record(1.0, 0.005);
        return statistics;
    }

    [Fact]
    public void Record_HandCase_GivesHitRateMeanAndSampleVariance()
    {
        var statistics = HandCase();

        // Mean 0.025 ÷ 4 = 0.00625; deviations 0.00375, −0.02625, 0.02375, −0.00125;
        // squares sum to 0.00126875; ÷ 3 = 0.000422916….
        Assert.Equal(4, statistics.Count);
        Assert.Equal(3, statistics.Hits);
        Assert.Equal(0.75, statistics.HitRate, Tolerance);
        Assert.Equal(0.00625, statistics.MeanReturn, Tolerance);
        Assert.Equal(0.00126875 / 3, statistics.ReturnVariance, Tolerance);
    }

    [Fact]
    public void SharpeRatio_HandCase_IsMeanOverDeviationScaledByRootOfDecisionsPerYear()
    {
        var statistics = HandCase();

        var perDecision = 0.00625 / Math.Sqrt(0.00126875 / 3);
        Assert.Equal(perDecision, statistics.SharpeRatio, 1e-10);
        Assert.Equal(perDecision * Math.Sqrt(252), statistics.AnnualisedSharpeRatio(252), 1e-9);
    }

    [Fact]
    public void BrierScore_HandCase_IsMeanSquaredGapBetweenPromiseAndOutcome()
    {
        // (0.6 − 1)² + (0.8 − 0)² + (0.8 − 1)² + (1 − 1)² = 0.16 + 0.64 + 0.04 + 0 = 0.84; ÷ 4.
        Assert.Equal(0.21, HandCase().BrierScore, Tolerance);
    }

    [Fact]
    public void GetReliabilityBin_HandCase_GroupsDecisionsByConfidence()
    {
        var statistics = HandCase();

        var low = statistics.GetReliabilityBin(2);
        Assert.Equal(1, low.Count);
        Assert.Equal(0.2, low.MeanConfidence, Tolerance);
        Assert.Equal(0.6, low.MeanPredictedHitProbability, Tolerance);
        Assert.Equal(1, low.HitRate, Tolerance);

        var middle = statistics.GetReliabilityBin(6);
        Assert.Equal(2, middle.Count);
        Assert.Equal(0.8, middle.MeanPredictedHitProbability, Tolerance);
        Assert.Equal(0.5, middle.HitRate, Tolerance);

        // Confidence 1 belongs to the last bin, which includes its upper edge.
        var top = statistics.GetReliabilityBin(9);
        Assert.Equal(1, top.Count);
        Assert.Equal(0.9, top.LowerConfidence, Tolerance);

        var empty = statistics.GetReliabilityBin(0);
        Assert.Equal(0, empty.Count);
        Assert.True(double.IsNaN(empty.HitRate));
    }

    [Fact]
    public void Record_ZeroReturn_CountsAsAMiss()
    {
        var statistics = new DecisionStatistics();

        statistics.Record(0.5, 0);

        Assert.Equal(0, statistics.HitRate);
    }

    [Fact]
    public void Statistics_BeforeEnoughDecisions_AreNotANumber()
    {
        var statistics = new DecisionStatistics();
        Assert.True(double.IsNaN(statistics.HitRate));

        statistics.Record(0.5, 0.01);
        Assert.True(double.IsNaN(statistics.ReturnVariance));
        Assert.True(double.IsNaN(statistics.SharpeRatio));
    }

    [Theory]
    [InlineData(SignalDirection.Long, 100, 102, 0.02)]
    [InlineData(SignalDirection.Short, 100, 102, -0.02)]
    [InlineData(SignalDirection.Short, 200, 150, 0.25)]
    [InlineData(SignalDirection.Flat, 100, 102, 0)]
    public void DecisionReturn_Of_IsThePositionsSimpleReturn(SignalDirection direction, double entry, double exit, double expected)
    {
        Assert.Equal(expected, DecisionReturn.Of(direction, entry, exit), Tolerance);
    }
}
