using PluginBot.Data;
using PluginBot.Models.Tests.Infrastructure;
using PluginBot.Models.Training;
using PluginBot.Sdk.Market;

namespace PluginBot.Models.Tests;

public sealed class RegimeLabelTests
{
    private static readonly RegimeLabel FifteenBars = new(15);

    // N = 2, H = 3. Closes 100, 102, 100, 100, 101 give the trailing windows (two returns each) ending at bars 2, 3, 4:
    //   bar 2: +2 %, −2 %  → volatility ≈ 2.0 %, efficiency |100 − 100| / (2 + 2) = 0
    //   bar 3: −2 %,  0 %  → volatility ≈ 1.0 %, efficiency |100 − 102| / (2 + 0) = 1
    //   bar 4:  0 %, +1 %  → volatility ≈ 0.5 %, efficiency |101 − 100| / (0 + 1) = 1
    // so the label of bar 4 ranks the returns of bars 5 and 6 against {2.0 %, 1.0 %, 0.5 %} and {0, 1, 1}.
    private static readonly decimal[] History = [100m, 102m, 100m, 100m, 101m];

    [Theory]
    // +3 %, −3 %: volatility ≈ 3 % is above all three → rank 1 ≥ 0.8.
    [InlineData(104, 101, RegimeLabel.HighVolatility)]
    // No move: volatility 0 is below all three → rank 0 ≤ 0.2.
    [InlineData(101, 101, RegimeLabel.LowVolatility)]
    // +1.5 %, 0 %: volatility ≈ 0.74 % is above one of three → rank 1/3 (middle); efficiency 1 is above one and equal
    // to two → (1 + 2 × ½) / 3 = 2/3 > ½.
    [InlineData(102.5, 102.5, RegimeLabel.Trending)]
    // +1.5 %, −1.5 %: volatility ≈ 1.5 % is above two of three → rank 2/3 (middle); efficiency 0 ties the one 0 →
    // ½ / 3 = 1/6 ≤ ½.
    [InlineData(102.5, 101, RegimeLabel.Ranging)]
    public void LabelAt_HandBuiltSeries_RanksTheNextBarsAgainstTheTrailingWindows(double fifth, double sixth, int expected)
    {
        var label = new RegimeLabel(Horizon: 2, HistoryLength: 3);
        var bars = Bars([.. History, (decimal)fifth, (decimal)sixth]);

        Assert.Equal(4, label.FirstLabelledIndex);
        Assert.Equal(expected, label.LabelAt(bars, 4));
        Assert.Equal("trending", label.Classes[RegimeLabel.Trending]);
    }

    [Fact]
    public void LabelAt_WithoutFullHistoryOrNBarsAhead_IsNull()
    {
        var label = new RegimeLabel(Horizon: 2, HistoryLength: 3);
        var bars = Bars([.. History, 101m, 101m]);

        Assert.Null(label.LabelAt(bars, 3));
        Assert.NotNull(label.LabelAt(bars, 4));
        Assert.Null(label.LabelAt(bars, 5));
    }

    [Fact]
    public void LabelAt_FlatSeries_IsRangingBecauseTiesSitAtTheMedian()
    {
        var label = new RegimeLabel(Horizon: 3, HistoryLength: 4);
        var bars = Bars([.. Enumerable.Repeat(100m, 12)]);

        Assert.Equal(RegimeLabel.Ranging, label.LabelAt(bars, 6));
    }

    [Fact]
    public void LabelAt_ShippedDay_ChangesOnlyWithBarsUpToTPlusN()
    {
        var bars = ShippedData.MinuteBars().Bars;
        const int t = 600;
        var label = FifteenBars.LabelAt(bars, t);
        Assert.NotNull(label);

        // Every bar after t + N changed: the label stays.
        Assert.Equal(label, FifteenBars.LabelAt(AlterFrom(bars, t + 16), t));

        // The next N bars replaced by a flat price: the future is now the calmest window there is.
        var flat = (Bar[])bars.Clone();
        for (var index = t + 1; index <= t + 15; index++)
        {
            flat[index] = Flat(bars[index], bars[t].Close);
        }

        Assert.Equal(RegimeLabel.LowVolatility, FifteenBars.LabelAt(flat, t));
    }

    [Fact]
    public void LabelAt_ShippedDay_UsesAllFourClasses()
    {
        var bars = ShippedData.MinuteBars().Bars;
        var counts = new int[4];
        for (var index = 0; index < bars.Length; index++)
        {
            if (FifteenBars.LabelAt(bars, index) is { } label)
            {
                counts[label]++;
            }
        }

        // Tails of a fifth each by construction (give or take ties and the day's drift); the middle split by efficiency.
        Assert.Equal(bars.Length - FifteenBars.FirstLabelledIndex - 15, counts.Sum());
        Assert.All(counts, count => Assert.True(count > 100, $"class counts {string.Join(", ", counts)}"));
    }

    [Fact]
    public void Build_RegimeLabel_FeaturesAndLabelsOfRowT_DoNotChangeWhenBarsAfterTPlusNChange()
    {
        var series = ShippedData.MinuteBars();
        const int cut = 700;
        var altered = new BarSeries(series.Symbol, series.Interval, series.SourcePath, series.Market, AlterFrom(series.Bars, cut + 1), series.LinesRead, 0, []);

        var original = TrainingDatasetBuilder.Build([series], new TrainingDatasetOptions("default", FifteenBars));
        var changed = TrainingDatasetBuilder.Build([altered], new TrainingDatasetOptions("default", FifteenBars));

        var rowsWithLabelsBeforeCut = original.BarIndices.Count(bar => bar + 15 <= cut);
        Assert.True(rowsWithLabelsBeforeCut > 300, $"only {rowsWithLabelsBeforeCut} rows before the cut");
        Assert.Equal(original.BarIndices.Take(rowsWithLabelsBeforeCut), changed.BarIndices.Take(rowsWithLabelsBeforeCut));
        for (var row = 0; row < rowsWithLabelsBeforeCut; row++)
        {
            Assert.True(original.Row(row).SequenceEqual(changed.Row(row)), $"row {row} (bar {original.BarIndices[row]}) features changed");
            Assert.Equal(original.Labels[row], changed.Labels[row]);
        }

        // Rows at most N bars before the cut read altered bars in their label only, never in their features.
        var rowsUpToCut = original.BarIndices.Count(bar => bar <= cut);
        for (var row = rowsWithLabelsBeforeCut; row < rowsUpToCut; row++)
        {
            Assert.True(original.Row(row).SequenceEqual(changed.Row(row)), $"row {row} (bar {original.BarIndices[row]}) features changed");
        }

        Assert.NotEqual(original.Labels.Skip(rowsUpToCut), changed.Labels.Skip(rowsUpToCut));
        Assert.Equal(["highVolatility", "lowVolatility", "trending", "ranging"], original.Label.Classes);
    }

    [Fact]
    public void Parse_RegimeNames_RoundTripAndRejectBadCounts()
    {
        Assert.Equal(new RegimeLabel(15), TrainingLabel.Parse("regime:15"));
        Assert.Equal(new RegimeLabel(15, 240), TrainingLabel.Parse("regime:15:240"));
        Assert.Equal("regime:15", new RegimeLabel(15).Name);
        Assert.Equal("regime:15:240", new RegimeLabel(15, 240).Name);
        Assert.Equal(new ForwardReturnLabel(15), TrainingLabel.Parse("forward-return:15"));
        Assert.Contains("whole numbers of at least 2", Assert.Throws<FormatException>(() => TrainingLabel.Parse("regime:1")).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => TrainingLabel.Parse("regime:15:1"));
        Assert.Throws<FormatException>(() => TrainingLabel.Parse("regime:15:30:4"));
        var unknown = Assert.Throws<FormatException>(() => TrainingLabel.Parse("volatility:15"));
        Assert.Contains("forward-return:H", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("regime:N", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultKind_RegimeLabel_IsRegimeAndTheModelType()
    {
        Assert.Equal("regime-mlp", TrainingPipeline.DefaultKind(new RegimeLabel(15), "mlp", regime: null));
        Assert.Equal("direction-gru", TrainingPipeline.DefaultKind(new ForwardReturnLabel(15), "gru", regime: null));
        Assert.Equal("direction-mlp-high-volatility", TrainingPipeline.DefaultKind("mlp", "high-volatility"));
    }

    private static Bar[] Bars(decimal[] closes)
    {
        var start = new DateTime(2022, 12, 13, 0, 0, 0, DateTimeKind.Utc);
        return [.. closes.Select((close, index) => new Bar("TEST", BarInterval.OneMinute, start.AddMinutes(index), close, close, close, close, 1m))];
    }

    private static Bar Flat(Bar bar, decimal price) => bar with { Open = price, High = price, Low = price, Close = price };

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
