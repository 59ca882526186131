using PluginBot.Data;
using PluginBot.Features;
using PluginBot.Sdk.Market;

namespace PluginBot.Models.Training;

/// <summary>
/// Turns bar series into <see cref="TrainingDataset"/> rows without look-ahead: the features of row t come from the
/// feature set after it was fed bars up to t (the engine's exact serving path), the regime from
/// <see cref="VolatilityRegimeClassifier"/> fed the same bars, and only the label reads later bars (t + 1 to t + H; a
/// <see cref="RegimeLabel"/> also ranks them against windows ending at or before t, which is known at t).
/// A row is kept when every vector in its window is fully ready, its label exists and its regime matches.
/// </summary>
public static class TrainingDatasetBuilder
{
    /// <summary>Builds rows from one or more series of the same symbol; each series starts its features afresh.</summary>
    /// <exception cref="ArgumentException">No series, mixed symbols, an unknown regime, or no row survives.</exception>
    /// <exception cref="KeyNotFoundException">Unknown feature set.</exception>
    public static TrainingDataset Build(IReadOnlyList<BarSeries> series, TrainingDatasetOptions options, FeatureSetCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SequenceLength, 1);
        if (series.Count == 0)
        {
            throw new ArgumentException("No bar series to train on.", nameof(series));
        }

        var symbol = series[0].Symbol;
        if (series.FirstOrDefault(other => other.Symbol != symbol) is { } mixed)
        {
            throw new ArgumentException($"All data files must hold one symbol: {series[0].SourcePath} is {symbol} but {mixed.SourcePath} is {mixed.Symbol}.", nameof(series));
        }

        if (options.Regime is { } regime && !VolatilityRegimeClassifier.Regimes.Contains(regime))
        {
            throw new ArgumentException($"Unknown regime '{regime}': expected {string.Join(" or ", VolatilityRegimeClassifier.Regimes)}.", nameof(options));
        }

        catalog ??= new FeatureSetCatalog();
        var schema = catalog.GetSchema(options.FeatureSet);
        var rows = new RowAccumulator(schema.Count * options.SequenceLength);
        long offset = 0;
        var lastLabelTime = DateTime.MinValue;
        foreach (var one in series)
        {
            AddSeries(one.Bars, offset, catalog.Create(options.FeatureSet), options, rows, ref lastLabelTime);
            offset += one.Bars.Length;
        }

        if (rows.Labels.Count == 0)
        {
            throw new ArgumentException(
                $"No training rows: {offset} bars of {symbol} leave none with a ready '{options.FeatureSet}' window of {options.SequenceLength}, a {options.Label} label"
                + (options.Regime is null ? "." : $" and regime {options.Regime}."),
                nameof(series));
        }

        return new TrainingDataset(
            symbol,
            schema,
            options.Label,
            options.SequenceLength,
            options.Regime,
            [.. rows.Inputs],
            [.. rows.Labels],
            [.. rows.BarIndices],
            [.. rows.Times],
            series[0].Bars[0].StartTime,
            lastLabelTime);
    }

    private static void AddSeries(Bar[] bars, long offset, IFeatureSet featureSet, TrainingDatasetOptions options, RowAccumulator rows, ref DateTime lastLabelTime)
    {
        var width = featureSet.Count;
        var window = new float[options.SequenceLength * width];
        var vector = new float[width];
        var regimes = new VolatilityRegimeClassifier();
        var consecutiveReady = 0;
        for (var index = 0; index < bars.Length; index++)
        {
            featureSet.Update(bars[index]);
            var regime = regimes.Update(bars[index]);
            consecutiveReady = featureSet.TryWrite(vector) ? consecutiveReady + 1 : 0;

            // Slide the window: drop the oldest vector, append the newest, so it always ends at bar t.
            Array.Copy(window, width, window, 0, window.Length - width);
            vector.CopyTo(window, window.Length - width);
            if (consecutiveReady < options.SequenceLength)
            {
                continue;
            }

            if (options.Regime is not null && !string.Equals(regime, options.Regime, StringComparison.Ordinal))
            {
                continue;
            }

            if (options.Label.LabelAt(bars, index) is not { } label)
            {
                continue;
            }

            rows.Inputs.AddRange(window);
            rows.Labels.Add(label);
            rows.BarIndices.Add(offset + index);
            rows.Times.Add(bars[index].StartTime);
            var labelTime = bars[index + options.Label.Horizon].StartTime;
            if (labelTime > lastLabelTime)
            {
                lastLabelTime = labelTime;
            }
        }
    }

    private sealed class RowAccumulator(int width)
    {
        public List<float> Inputs { get; } = new(width * 1024);

        public List<int> Labels { get; } = [];

        public List<long> BarIndices { get; } = [];

        public List<DateTime> Times { get; } = [];
    }
}
