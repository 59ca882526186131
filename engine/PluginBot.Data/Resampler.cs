using System.Globalization;
using PluginBot.Sdk.Market;

namespace PluginBot.Data;

/// <summary>
/// Resamples a stream of bars one at a time, for live feeds where the whole series never exists. It follows the same
/// rules as <see cref="BarResampler"/> (epoch-aligned UTC buckets, empty buckets not produced) and keeps its state in
/// fields, so adding a bar allocates nothing. A bucket is complete when the first bar of a later bucket arrives;
/// a live caller whose clock passes the bucket end without a new bar calls <see cref="Flush"/>.
/// </summary>
public sealed class Resampler
{
    private bool hasBucket;
    private bool hasPrevious;
    private bool hasFlushed;
    private DateTime previousStart;
    private DateTime lastFlushedBucket;
    private Bar current;

    /// <summary>Creates a resampler from <paramref name="sourceInterval"/> bars into <paramref name="targetInterval"/> bars.</summary>
    /// <exception cref="ArgumentException">The target is not a whole multiple of the source.</exception>
    public Resampler(BarInterval sourceInterval, BarInterval targetInterval)
    {
        BarResampler.RequireWholeMultiple(sourceInterval, targetInterval);
        SourceInterval = sourceInterval;
        TargetInterval = targetInterval;
    }

    /// <summary>The interval every added bar must have.</summary>
    public BarInterval SourceInterval { get; }

    /// <summary>The interval of the bars produced.</summary>
    public BarInterval TargetInterval { get; }

    /// <summary>
    /// Adds the next bar. Returns true, with the finished bucket in <paramref name="completed"/>, when this bar starts a
    /// later bucket than the one being built; otherwise false and <paramref name="completed"/> is default.
    /// </summary>
    /// <exception cref="ArgumentException">The bar has another interval or symbol, or does not start after the previous bar.</exception>
    /// <exception cref="InvalidOperationException">The bar falls in a bucket already emitted by <see cref="Flush"/>.</exception>
    public bool Add(in Bar bar, out Bar completed)
    {
        if (bar.Interval != SourceInterval)
        {
            throw new ArgumentException($"Expected a {SourceInterval} bar but got a {bar.Interval} bar at {Format(bar.StartTime)}.", nameof(bar));
        }

        if (hasPrevious && bar.StartTime <= previousStart)
        {
            throw new ArgumentException(
                $"Bars must arrive in strictly increasing start time: {Format(bar.StartTime)} is not after {Format(previousStart)}.",
                nameof(bar));
        }

        var bucket = TargetInterval.Floor(bar.StartTime);
        if (hasBucket && !string.Equals(bar.Symbol, current.Symbol, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Expected a bar of {current.Symbol} but got {bar.Symbol}.", nameof(bar));
        }

        previousStart = bar.StartTime;
        hasPrevious = true;
        if (hasBucket && bucket == current.StartTime)
        {
            current = current with
            {
                High = Math.Max(current.High, bar.High),
                Low = Math.Min(current.Low, bar.Low),
                Close = bar.Close,
                Volume = current.Volume + bar.Volume,
            };
            completed = default;
            return false;
        }

        if (!hasBucket && hasFlushed && bucket <= lastFlushedBucket)
        {
            throw new InvalidOperationException(
                $"The bar at {Format(bar.StartTime)} belongs to the {TargetInterval} bucket {Format(bucket)}, which Flush already emitted.");
        }

        var finished = hasBucket;
        completed = finished ? current : default;
        current = bar with { Interval = TargetInterval, StartTime = bucket };
        hasBucket = true;
        return finished;
    }

    /// <summary>Emits the bucket being built, even if not all of its time has passed; returns false when there is none.</summary>
    public bool Flush(out Bar completed)
    {
        if (!hasBucket)
        {
            completed = default;
            return false;
        }

        completed = current;
        lastFlushedBucket = current.StartTime;
        hasFlushed = true;
        hasBucket = false;
        current = default;
        return true;
    }

    private static string Format(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
