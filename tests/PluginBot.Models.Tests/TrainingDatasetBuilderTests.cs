using PluginBot.Data;
using PluginBot.Models.Tests.Infrastructure;
using PluginBot.Models.Training;
using PluginBot.Sdk.Market;

namespace PluginBot.Models.Tests;

public sealed class TrainingDatasetBuilderTests
{
    private static readonly ForwardReturnLabel FifteenBars = new(15);

    [Fact]
    public void Build_FeaturesOfRowT_DoNotChangeWhenEveryLaterBarChanges()
    {
        var series = ShippedData.MinuteBars();
        const int cut = 700;
        var altered = new BarSeries(series.Symbol, series.Interval, series.SourcePath, series.Market, AlterFrom(series.Bars, cut + 1), series.LinesRead, 0, []);

        var original = TrainingDatasetBuilder.Build([series], new TrainingDatasetOptions("default", FifteenBars));
        var changed = TrainingDatasetBuilder.Build([altered], new TrainingDatasetOptions("default", FifteenBars));

        var rowsUpToCut = original.BarIndices.Count(bar => bar <= cut);
        Assert.True(rowsUpToCut > 400, $"only {rowsUpToCut} rows before the cut");
        Assert.Equal(original.BarIndices.Take(rowsUpToCut), changed.BarIndices.Take(rowsUpToCut));
        for (var row = 0; row < rowsUpToCut; row++)
        {
            Assert.True(original.Row(row).SequenceEqual(changed.Row(row)), $"row {row} (bar {original.BarIndices[row]}) changed");
        }

        // The alteration is real: later rows do differ.
        Assert.False(original.Row(rowsUpToCut + 20).SequenceEqual(changed.Row(rowsUpToCut + 20)));
    }

    [Fact]
    public void Build_LabelOfRowT_ReadsOnlyTheCloseHBarsLater()
    {
        var series = ShippedData.MinuteBars();
        var dataset = TrainingDatasetBuilder.Build([series], new TrainingDatasetOptions("default", FifteenBars));
        var bars = series.Bars;

        for (var row = 0; row < dataset.RowCount; row++)
        {
            var t = (int)dataset.BarIndices[row];
            Assert.Equal(bars[t + 15].Close > bars[t].Close ? 1 : 0, dataset.Labels[row]);
        }

        // Changing every bar strictly between t and t + H, and every bar after t + H, leaves the label alone;
        // changing the close at t + H flips it.
        const int t0 = 600;
        var label = FifteenBars.LabelAt(bars, t0)!.Value;
        var noise = AlterFrom(bars, t0 + 1);
        noise[t0 + 15] = bars[t0 + 15];
        Assert.Equal(label, FifteenBars.LabelAt(noise, t0));
        var flipped = (Bar[])bars.Clone();
        var target = label == ForwardReturnLabel.Up ? bars[t0].Close * 0.99m : bars[t0].Close * 1.01m;
        flipped[t0 + 15] = bars[t0 + 15] with { Close = target, High = Math.Max(target, bars[t0 + 15].High), Low = Math.Min(target, bars[t0 + 15].Low) };
        Assert.Equal(1 - label, FifteenBars.LabelAt(flipped, t0));
        Assert.Null(FifteenBars.LabelAt(bars, bars.Length - 15));
    }

    [Fact]
    public void Build_SequenceWindow_IsTheLastNVectorsOldestFirst()
    {
        var series = ShippedData.MinuteBars();
        var single = TrainingDatasetBuilder.Build([series], new TrainingDatasetOptions("default", FifteenBars));
        var windows = TrainingDatasetBuilder.Build([series], new TrainingDatasetOptions("default", FifteenBars, SequenceLength: 3));
        var width = single.FeatureCount;

        Assert.Equal(3 * width, windows.RowWidth);
        Assert.Equal(single.RowCount - 2, windows.RowCount);
        for (var row = 0; row < windows.RowCount; row += 97)
        {
            var bar = windows.BarIndices[row];
            for (var step = 0; step < 3; step++)
            {
                var singleRow = Array.IndexOf(single.BarIndices, bar - 2 + step);
                Assert.True(windows.Row(row).Slice(step * width, width).SequenceEqual(single.Row(singleRow)));
            }
        }
    }

    [Fact]
    public void Build_RegimeFilter_SplitsRowsIntoDisjointHighAndLowVolatilitySets()
    {
        var series = ShippedData.MinuteBars();
        var all = TrainingDatasetBuilder.Build([series], new TrainingDatasetOptions("default", FifteenBars));
        var high = TrainingDatasetBuilder.Build([series], new TrainingDatasetOptions("default", FifteenBars, Regime: VolatilityRegimeClassifier.HighVolatility));
        var low = TrainingDatasetBuilder.Build([series], new TrainingDatasetOptions("default", FifteenBars, Regime: VolatilityRegimeClassifier.LowVolatility));

        Assert.True(high.RowCount > 100 && low.RowCount > 100, $"high {high.RowCount}, low {low.RowCount}");
        Assert.Empty(high.BarIndices.Intersect(low.BarIndices));
        Assert.Equal(all.BarIndices.Where(bar => high.BarIndices.Contains(bar) || low.BarIndices.Contains(bar)), high.BarIndices.Concat(low.BarIndices).Order());
        Assert.Equal(VolatilityRegimeClassifier.HighVolatility, high.Regime);
    }

    [Fact]
    public void Build_UnknownRegime_ThrowsListingTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            TrainingDatasetBuilder.Build([ShippedData.MinuteBars()], new TrainingDatasetOptions("default", FifteenBars, Regime: "trending")));

        Assert.StartsWith("Unknown regime 'trending': expected high-volatility or low-volatility.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VolatilityRegimeClassifier_RegimeAtT_DoesNotChangeWhenLaterBarsChange()
    {
        var bars = ShippedData.MinuteBars().Bars;
        var altered = AlterFrom(bars, 801);
        var original = new VolatilityRegimeClassifier();
        var changed = new VolatilityRegimeClassifier();
        var differences = 0;

        for (var index = 0; index < bars.Length; index++)
        {
            var before = original.Update(bars[index]);
            var after = changed.Update(altered[index]);
            if (index <= 800)
            {
                Assert.Equal(before, after);
            }
            else if (before != after)
            {
                differences++;
            }
        }

        Assert.True(differences > 0, "the alteration should change later regimes");
    }

    [Fact]
    public void ForwardReturnLabel_Parse_AcceptsOnlyPositiveWholeHorizons()
    {
        Assert.Equal(15, ForwardReturnLabel.Parse("forward-return:15").Horizon);
        Assert.Equal("forward-return:15", ForwardReturnLabel.Parse("forward-return:15").ToString());
        var error = Assert.Throws<FormatException>(() => ForwardReturnLabel.Parse("forward-return:0"));
        Assert.Contains("expected forward-return:H", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Scales every bar from <paramref name="first"/> on by a zig-zag factor, so returns, ranges and volumes all change.</summary>
    private static Bar[] AlterFrom(Bar[] bars, int first)
    {
        var altered = (Bar[])bars.Clone();
        for (var index = first; index < bars.Length; index++)
        {
            var factor = index % 2 == 0 ? 1.03m : 0.98m;
            var bar = bars[index];
            altered[index] = bar with
            {
                Open = bar.Open * factor,
                High = bar.High * factor,
                Low = bar.Low * factor,
                Close = bar.Close * factor,
                Volume = bar.Volume * 2 + 1,
            };
        }

        return altered;
    }
}
