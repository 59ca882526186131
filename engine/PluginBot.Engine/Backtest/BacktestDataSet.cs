using PluginBot.Data;
using PluginBot.Engine.Feeds;
using PluginBot.Sdk.Market;

namespace PluginBot.Engine.Backtest;

/// <summary>
/// The bars of a backtest: every file read and validated, resampled to one interval, cut to the time window,
/// and merged into one time-ordered feed.
/// </summary>
public sealed class BacktestDataSet
{
    private BacktestDataSet(IReadOnlyList<BarSeries> series, BarInterval interval)
    {
        Series = series;
        Interval = interval;
    }

    /// <summary>One series per file, after resampling and cutting.</summary>
    public IReadOnlyList<BarSeries> Series { get; }

    /// <summary>The common bar interval.</summary>
    public BarInterval Interval { get; }

    /// <summary>Bars over all files.</summary>
    public long BarCount => Series.Sum(s => (long)s.Bars.Length);

    /// <summary>Rows skipped as bad over all files (only with <see cref="BadRowPolicy.Skip"/>).</summary>
    public int SkippedRows => Series.Sum(s => s.SkippedRows);

    /// <summary>Reads the request's files.</summary>
    /// <exception cref="MarketDataFormatException">A file has a bad row (file, line and problem in the message).</exception>
    /// <exception cref="ArgumentException">No files, files of different intervals without a target interval, or an empty window.</exception>
    public static BacktestDataSet Load(BacktestDataRequest request)
    {
        if (request.Files.Count == 0)
        {
            throw new ArgumentException("No data files were given.", nameof(request));
        }

        var series = request.Files
            .Select(file => BarFileReader.Read(file, new BarFileOptions(OnBadRow: request.OnBadRow)))
            .ToList();
        var interval = request.Interval ?? CommonInterval(series);
        var prepared = new List<BarSeries>(series.Count);
        foreach (var one in series)
        {
            var resampled = one.Interval == interval ? one : BarResampler.Resample(one, interval);
            prepared.Add(Cut(resampled, request.From, request.To));
        }

        RejectOverlaps(prepared);
        if (prepared.All(s => s.Bars.Length == 0))
        {
            throw new ArgumentException($"No bars fall in the window {request.From:O} to {request.To:O} in any of: {string.Join(", ", request.Files)}.", nameof(request));
        }

        return new BacktestDataSet(prepared, interval);
    }

    /// <summary>A new merged feed over every series (each call starts from the first bar).</summary>
    public IBarFeed CreateFeed() => new MergedBarFeed(Series.Select(s => (IBarFeed)new ArrayBarFeed(s.Bars)).ToList());

    private static BarInterval CommonInterval(IReadOnlyList<BarSeries> series)
    {
        var intervals = series.Select(s => s.Interval).Distinct().ToList();
        if (intervals.Count == 1)
        {
            return intervals[0];
        }

        var described = string.Join(", ", series.Select(s => $"{Path.GetFileName(s.SourcePath)} is {s.Interval}"));
        throw new ArgumentException($"The data files have different bar intervals ({described}); pass --interval with a common multiple, for example --interval {intervals.MaxBy(i => i.Duration)}.");
    }

    private static void RejectOverlaps(IReadOnlyList<BarSeries> series)
    {
        // Two files of one symbol that overlap in time would replay the same market twice to the strategy.
        foreach (var group in series.Where(s => s.Bars.Length > 0).GroupBy(s => s.Symbol, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(s => s.Bars[0].StartTime).ToList();
            for (var index = 1; index < ordered.Count; index++)
            {
                var earlier = ordered[index - 1];
                var later = ordered[index];
                if (later.Bars[0].StartTime < earlier.Bars[^1].EndTime)
                {
                    throw new ArgumentException(
                        $"{later.SourcePath} and {earlier.SourcePath} both hold {group.Key} bars around {later.Bars[0].StartTime:yyyy-MM-dd HH:mm:ss} UTC: a symbol's files must not overlap in time.");
                }
            }
        }
    }

    private static BarSeries Cut(BarSeries series, DateTime? from, DateTime? to)
    {
        if (from is null && to is null)
        {
            return series;
        }

        var bars = series.Bars
            .Where(bar => (from is null || bar.StartTime >= from) && (to is null || bar.StartTime < to))
            .ToArray();
        return new BarSeries(series.Symbol, series.Interval, series.SourcePath, series.Market, bars, series.LinesRead, series.SkippedRows, series.SkippedRowReasons);
    }
}
