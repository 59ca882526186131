using PluginBot.Indicators.Tests.Infrastructure;

namespace PluginBot.Indicators.Tests;

/// <summary>
/// Properties the reference files cannot show: numerical stability at large price levels, long-run drift, tie
/// handling of the rolling extremes, and the documented edge cases.
/// </summary>
public sealed class NumericalBehaviourTests
{
    [Fact]
    public void RollingVariance_PricesNearOneBillionWithUnitNoise_MatchesTwoPassVariance()
    {
        // With Σx² − (Σx)²/n at this level the two terms agree to ~18 digits and double keeps 16: the naive result
        // is noise (often negative). The sliding Welford update must keep ~9 correct digits.
        const int period = 20;
        var random = new Random(5);
        var values = new double[50_000];
        for (var index = 0; index < values.Length; index++)
        {
            values[index] = 1e9 + (random.NextDouble() * 2) - 1;
        }

        var variance = new RollingVariance(period);
        var worstRelative = 0.0;
        for (var index = 0; index < values.Length; index++)
        {
            variance.Update(values[index]);
            if (index < period - 1)
            {
                continue;
            }

            var exact = TwoPassVariance(values, index - period + 1, period);
            worstRelative = Math.Max(worstRelative, Math.Abs(variance.Value - exact) / exact);
        }

        Assert.True(worstRelative < 1e-9, $"worst relative error {worstRelative:G3}");
    }

    [Fact]
    public void RollingStandardDeviation_ConstantInput_IsExactlyZeroNotNaN()
    {
        var deviation = new RollingStandardDeviation(5);
        for (var index = 0; index < 100; index++)
        {
            deviation.Update(123.456);
        }

        Assert.Equal(0, deviation.Value);
        Assert.Equal(123.456, deviation.Mean, 12);
    }

    [Fact]
    public void SimpleMovingAverage_MillionSamplesAtHighPriceLevel_DoesNotDrift()
    {
        const int period = 7;
        var bars = SyntheticMarket.Bars(1_000_000, seed: 9, startPrice: 60_000);
        var average = new SimpleMovingAverage(period);
        foreach (var bar in bars)
        {
            average.Update(bar.Close);
        }

        var exact = 0.0;
        for (var index = bars.Length - period; index < bars.Length; index++)
        {
            exact += bars[index].Close;
        }

        Assert.Equal(exact / period, average.Value, 9);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(14)]
    public void RollingExtremes_TiedIntegerPrices_MatchBruteForceDonchianWilliamsAndAroon(int period)
    {
        // Prices drawn from a handful of integers produce many ties, the case where a monotonic deque goes wrong.
        var random = new Random(period);
        var donchian = new DonchianChannels(period);
        var williams = new WilliamsPercentRange(period);
        var aroon = new AroonOscillator(period);
        var highs = new List<double>();
        var lows = new List<double>();
        for (var index = 0; index < 5_000; index++)
        {
            var low = random.Next(0, 6);
            var high = low + random.Next(0, 3);
            var close = low + ((high - low) * random.NextDouble());
            var bar = new BarSample(default, low, high, low, close, 1);
            highs.Add(high);
            lows.Add(low);
            donchian.Update(bar);
            williams.Update(bar);
            aroon.Update(bar);

            if (index + 1 >= period)
            {
                var highest = double.MinValue;
                var lowest = double.MaxValue;
                for (var ago = 0; ago < period; ago++)
                {
                    highest = Math.Max(highest, highs[index - ago]);
                    lowest = Math.Min(lowest, lows[index - ago]);
                }

                Assert.Equal(highest, donchian.Upper);
                Assert.Equal(lowest, donchian.Lower);
                var expectedWilliams = highest == lowest ? 0 : -100 * (highest - close) / (highest - lowest);
                Assert.Equal(expectedWilliams, williams.Value, 10);
            }

            if (index >= period)
            {
                // Aroon looks at period + 1 bars; ties count as the most recent occurrence.
                var highAgo = 0;
                var lowAgo = 0;
                for (var ago = period; ago >= 0; ago--)
                {
                    if (highs[index - ago] >= highs[index - highAgo])
                    {
                        highAgo = ago;
                    }

                    if (lows[index - ago] <= lows[index - lowAgo])
                    {
                        lowAgo = ago;
                    }
                }

                Assert.Equal(100.0 * (period - highAgo) / period, aroon.Up, 10);
                Assert.Equal(100.0 * (period - lowAgo) / period, aroon.Down, 10);
            }
        }
    }

    [Fact]
    public void HurstExponent_FlatPrices_ReportsHalfInsteadOfNaN()
    {
        var hurst = new HurstExponent(30, 5);
        for (var index = 0; index < 40; index++)
        {
            hurst.Update(100);
        }

        Assert.True(hurst.IsReady);
        Assert.Equal(0.5, hurst.Value);
    }

    [Fact]
    public void HurstExponent_RandomWalkAndMeanRevertingSeries_AreNearHalfAndNearZero()
    {
        // A random walk's lagged differences spread like √lag (H ≈ 0.5); a quickly mean-reverting AR(1) series has
        // differences whose spread stops growing after a few lags (H ≈ 0).
        var walk = new HurstExponent(2_000, 20);
        var meanReverting = new HurstExponent(2_000, 20);
        var random = new Random(1);
        var price = 1_000.0;
        var deviation = 0.0;
        for (var index = 0; index < 2_000; index++)
        {
            price += random.NextDouble() - 0.5;
            walk.Update(price);
            deviation = (0.5 * deviation) + random.NextDouble() - 0.5;
            meanReverting.Update(100 + deviation);
        }

        Assert.InRange(walk.Value, 0.4, 0.6);
        Assert.InRange(meanReverting.Value, -0.15, 0.15);
    }

    [Fact]
    public void RelativeStrengthIndex_OnlyRisingCloses_IsOneHundred()
    {
        var index = new RelativeStrengthIndex(5);
        for (var close = 1; close <= 6; close++)
        {
            Assert.False(index.IsReady);
            index.Update(close);
        }

        Assert.True(index.IsReady);
        Assert.Equal(100, index.Value);
    }

    [Fact]
    public void MoneyFlowIndex_UnchangedTypicalPrice_IsNeutralFifty()
    {
        var index = new MoneyFlowIndex(3);
        for (var bar = 0; bar < 5; bar++)
        {
            index.Update(new BarSample(default, 10, 11, 9, 10, 1_000));
        }

        Assert.Equal(50, index.Value);
    }

    private static double TwoPassVariance(double[] values, int start, int count)
    {
        var mean = 0.0;
        for (var index = start; index < start + count; index++)
        {
            mean += values[index];
        }

        mean /= count;
        var squares = 0.0;
        for (var index = start; index < start + count; index++)
        {
            squares += (values[index] - mean) * (values[index] - mean);
        }

        return squares / count;
    }
}
