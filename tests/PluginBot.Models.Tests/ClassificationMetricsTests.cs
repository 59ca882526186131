using PluginBot.Models.Training;

namespace PluginBot.Models.Tests;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void Score_FourHandComputedRows_GivesAccuracyLogLossAndConfidentHitRate()
    {
        float[] probabilities = [0.2f, 0.8f, 0.7f, 0.3f, 0.55f, 0.45f, 0.1f, 0.9f];
        int[] labels = [1, 1, 0, 1];

        var score = ClassificationMetrics.Score(probabilities, labels, classCount: 2);

        // Predicted 1, 0, 0, 1: three right. Log loss −(ln .8 + ln .3 + ln .55 + ln .9)/4 = 0.532577.
        // Confident (top ≥ 0.6): rows 0, 1, 3, of which rows 0 and 3 are right.
        Assert.Equal(4, score.Rows);
        Assert.Equal(0.75, score.Accuracy, 12);
        Assert.Equal(0.532577, score.LogLoss, 5);
        Assert.Equal(0.75, score.ConfidentCoverage, 12);
        Assert.Equal(2.0 / 3.0, score.ConfidentHitRate!.Value, 12);
    }

    [Fact]
    public void Score_NoConfidentRow_LeavesTheHitRateUndefinedAndOutOfTheMetrics()
    {
        var score = ClassificationMetrics.Score([0.5f, 0.5f], [1], classCount: 2);

        Assert.Null(score.ConfidentHitRate);
        Assert.False(score.ToMetrics().ContainsKey("confidentHitRate"));
        Assert.Equal(Math.Log(2), score.LogLoss, 6);
    }

    [Fact]
    public void AlwaysLong_IsRightExactlyOnUpRows_AndPaysTheFloorOnDownRows()
    {
        var score = ClassificationMetrics.Score(ClassificationMetrics.AlwaysLong(4, 2, upClass: 1), [1, 0, 1, 1], classCount: 2);

        Assert.Equal(0.75, score.Accuracy, 12);
        Assert.Equal(-Math.Log(1e-7) / 4, score.LogLoss, 6);
    }

    [Fact]
    public void MajorityClass_UsesTheTrainingFrequencies()
    {
        var probabilities = ClassificationMetrics.MajorityClass([1, 1, 0], testRows: 2, classCount: 2);

        Assert.Equal([1f / 3, 2f / 3, 1f / 3, 2f / 3], probabilities);
    }
}
