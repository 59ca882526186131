using System.Globalization;
using PluginBot.Sdk.Market;

namespace PluginBot.Data;

/// <summary>
/// Builds larger bars from smaller ones (1m into 5m, 15m, 1h, 1d) for whole files at once. Buckets are aligned to the
/// Unix epoch in UTC (<see cref="BarInterval.Floor"/>), so the same minute always lands in the same bucket whatever the
/// file starts with, and resampled backtests agree with live bars built by <see cref="Resampler"/>. A bucket takes
/// the first open, highest high, lowest low, last close and summed volume of the bars that start inside it; a bucket
/// no bar starts in is not produced, because inventing a flat bar would fake trading that never happened.
/// </summary>
public static class BarResampler
{
    /// <summary>Resamples bars sorted by strictly increasing start time, all of one symbol and one interval.</summary>
    /// <exception cref="ArgumentException">
    /// The target is not a whole multiple of the bars' interval, or the bars are unsorted or mix symbols or intervals;
    /// the message says which and where.
    /// </exception>
    public static Bar[] Resample(ReadOnlySpan<Bar> bars, BarInterval target)
    {
        if (bars.IsEmpty)
        {
            return [];
        }

        var source = bars[0].Interval;
        RequireWholeMultiple(source, target);
        var result = new List<Bar>(capacity: (int)Math.Min(bars.Length, (bars.Length / (target.Duration.Ticks / source.Duration.Ticks)) + 2));
        var current = bars[0] with { Interval = target, StartTime = target.Floor(bars[0].StartTime) };
        for (var index = 1; index < bars.Length; index++)
        {
            var bar = bars[index];
            RequireSameSeries(bars[0], bar, index);
            if (bar.StartTime <= bars[index - 1].StartTime)
            {
                throw new ArgumentException(
                    $"Bars must be sorted by strictly increasing start time: bar {index} starts at {Format(bar.StartTime)}, "
                    + $"not after bar {index - 1} at {Format(bars[index - 1].StartTime)}.",
                    nameof(bars));
            }

            var bucket = target.Floor(bar.StartTime);
            if (bucket != current.StartTime)
            {
                result.Add(current);
                current = bar with { Interval = target, StartTime = bucket };
                continue;
            }

            current = current with
            {
                High = Math.Max(current.High, bar.High),
                Low = Math.Min(current.Low, bar.Low),
                Close = bar.Close,
                Volume = current.Volume + bar.Volume,
            };
        }

        result.Add(current);
        return result.ToArray();
    }

    /// <summary>Resamples a whole series, keeping its source, market and skipped-row record so reports still say where the data came from.</summary>
    /// <exception cref="ArgumentException">The target is not a whole multiple of the series' interval.</exception>
    public static BarSeries Resample(BarSeries series, BarInterval target)
    {
        ArgumentNullException.ThrowIfNull(series);
        RequireWholeMultiple(series.Interval, target);
        return new BarSeries(
            series.Symbol,
            target,
            series.SourcePath,
            series.Market,
            Resample(series.Bars, target),
            series.LinesRead,
            series.SkippedRows,
            series.SkippedRowReasons);
    }

    /// <summary>Refuses targets that would split a source bar between two buckets, which would mis-assign its volume and extremes.</summary>
    /// <exception cref="ArgumentException">The target is not a whole multiple of the source.</exception>
    internal static void RequireWholeMultiple(BarInterval source, BarInterval target)
    {
        if (!source.Divides(target))
        {
            throw new ArgumentException(
                $"Cannot resample {source} bars into {target} bars: {target} is not a whole multiple of {source}.",
                nameof(target));
        }
    }

    private static void RequireSameSeries(in Bar first, in Bar bar, int index)
    {
        if (bar.Interval != first.Interval)
        {
            throw new ArgumentException($"All bars must have the interval {first.Interval} of the first bar, but bar {index} has {bar.Interval}.", "bars");
        }

        if (!string.Equals(bar.Symbol, first.Symbol, StringComparison.Ordinal))
        {
            throw new ArgumentException($"All bars must have the symbol {first.Symbol} of the first bar, but bar {index} is {bar.Symbol}.", "bars");
        }
    }

    private static string Format(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
