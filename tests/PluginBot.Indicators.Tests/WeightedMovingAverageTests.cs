using PluginBot.Indicators.Tests.Infrastructure;

namespace PluginBot.Indicators.Tests;

/// <summary>
/// The shared reference folder has no weighted-average file, so these check hand-computed values and the
/// definition itself over a long run (which also exercises the incremental update and its periodic re-sum).
/// </summary>
public sealed class WeightedMovingAverageTests
{
    [Fact]
    public void Update_ThreeSamplePeriod_MatchesHandComputedLinearWeights()
    {
        var average = new WeightedMovingAverage(3);

        average.Update(1);
        average.Update(2);
        Assert.False(average.IsReady);
        Assert.Equal(0, average.Value);

        // (1·1 + 2·2 + 3·3) / (1 + 2 + 3) = 14/6
        average.Update(3);
        Assert.True(average.IsReady);
        Assert.Equal(14.0 / 6, average.Value, 12);

        // (1·2 + 2·3 + 3·4) / 6 = 20/6
        average.Update(4);
        Assert.Equal(20.0 / 6, average.Value, 12);

        // (1·3 + 2·4 + 3·10) / 6 = 41/6
        average.Update(10);
        Assert.Equal(41.0 / 6, average.Value, 12);

        // (1·4 + 2·10 + 3·(−2)) / 6 = 18/6
        average.Update(-2);
        Assert.Equal(3.0, average.Value, 12);
    }

    [Fact]
    public void Update_PeriodOne_ReturnsTheLatestValue()
    {
        var average = new WeightedMovingAverage(1);
        average.Update(5);
        Assert.Equal(5, average.Value);
        average.Update(-7.5);
        Assert.Equal(-7.5, average.Value);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Update_HundredThousandSamples_StaysEqualToTheDefinition(bool afterReset)
    {
        const int period = 10;
        var bars = SyntheticMarket.Bars(100_000, seed: 3, startPrice: 40_000);
        var average = new WeightedMovingAverage(period);
        if (afterReset)
        {
            foreach (var bar in bars)
            {
                average.Update(bar.Open);
            }

            average.Reset();
            Assert.False(average.IsReady);
            Assert.Equal(0, average.Samples);
        }

        var worst = 0.0;
        for (var index = 0; index < bars.Length; index++)
        {
            average.Update(bars[index].Close);
            if (index < period - 1)
            {
                Assert.False(average.IsReady);
                continue;
            }

            var weighted = 0.0;
            for (var weight = 1; weight <= period; weight++)
            {
                weighted += weight * bars[index - period + weight].Close;
            }

            worst = Math.Max(worst, Math.Abs(average.Value - (weighted / (period * (period + 1) / 2.0))));
        }

        Assert.True(worst < 1e-8, $"worst deviation from the definition {worst:G3}");
    }
}
