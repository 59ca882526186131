using PluginBot.Experts.Comparison;

namespace PluginBot.Experts.Tests.Comparison;

public sealed class WelchTTestTests
{
    [Fact]
    public void Compare_SmallHandCase_MatchesHandComputedStatistics()
    {
        double[] first = [1, 2, 3, 4];
        double[] second = [2, 4, 6, 8, 10];

        var result = WelchTTest.Compare(first, second);

        // Means 2.5 and 6, variances 5/3 and 10: shares 5/12 and 2; t = −3.5 ÷ √(29/12).
        // ν = (29/12)² ÷ ((5/12)² ÷ 3 + 2² ÷ 4) = 5.520787746…; p from mpmath at 30 digits.
        Assert.Equal(-3.5, result.MeanDifference, 1e-14);
        Assert.Equal(-3.5 / Math.Sqrt(29.0 / 12), result.TStatistic, 1e-12);
        Assert.Equal(29.0 / 12 * (29.0 / 12) / ((25.0 / 144 / 3) + 1), result.DegreesOfFreedom, 1e-12);
        Assert.Equal(0.0691335931923924130, result.PValue, 1e-10);
    }

    [Fact]
    public void Compare_TextbookExample_MatchesPublishedValues()
    {
        // Welch's t-test, example 1 (Wikipedia): published t = −2.46, ν = 25.0, p = 0.021.
        double[] first = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
        double[] second = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];

        var result = WelchTTest.Compare(first, second);

        Assert.Equal(-2.46, result.TStatistic, 0.005);
        Assert.Equal(25.0, result.DegreesOfFreedom, 0.05);
        Assert.Equal(0.021, result.PValue, 0.0005);

        // The same to full precision (mpmath, 30 digits): p to 1e-10.
        Assert.Equal(-2.45535639828600449, result.TStatistic, 1e-11);
        Assert.Equal(24.9885292902314144, result.DegreesOfFreedom, 1e-10);
        Assert.Equal(0.0213780014628670599, result.PValue, 1e-10);
    }

    [Fact]
    public void Compare_RunningStatistics_AgreesWithTheSamples()
    {
        double[] first = [0.01, -0.02, 0.03, 0.005, 0.012];
        double[] second = [0.002, 0.001, -0.004, 0.003];
        var firstStatistics = new DecisionStatistics();
        var secondStatistics = new DecisionStatistics();
        foreach (var value in first)
        {
            firstStatistics.Record(0.5, value);
        }

        foreach (var value in second)
        {
            secondStatistics.Record(0.5, value);
        }

        var fromValues = WelchTTest.Compare(first, second);
        var fromStatistics = WelchTTest.Compare(firstStatistics, secondStatistics);

        Assert.Equal(fromValues.TStatistic, fromStatistics.TStatistic, 1e-12);
        Assert.Equal(fromValues.DegreesOfFreedom, fromStatistics.DegreesOfFreedom, 1e-9);
        Assert.Equal(fromValues.PValue, fromStatistics.PValue, 1e-12);
    }

    [Fact]
    public void Compare_NoSpreadInEitherSample_ReturnsNotANumber()
    {
        var result = WelchTTest.Compare([1.0, 1.0], [2.0, 2.0]);

        Assert.Equal(-1, result.MeanDifference);
        Assert.True(double.IsNaN(result.PValue));
    }

    [Fact]
    public void Compare_SampleOfOne_Throws()
    {
        Assert.Throws<ArgumentException>(() => WelchTTest.Compare([1.0], [2.0, 3.0]));
    }
}
