using PluginBot.Sdk.Market;

namespace PluginBot.Data;

/// <summary>
/// The bars read from one file together with where they came from and what was dropped, so a backtest report
/// can say which data it ran on and whether any of it was discarded.
/// </summary>
public sealed record BarSeries
{
    /// <summary>Creates a series; the bars must already be in strictly increasing start-time order.</summary>
    public BarSeries(
        string symbol,
        BarInterval interval,
        string sourcePath,
        string? market,
        Bar[] bars,
        int linesRead,
        int skippedRows,
        IReadOnlyList<SkippedRow> skippedRowReasons)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentNullException.ThrowIfNull(sourcePath);
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(skippedRowReasons);
        Symbol = symbol;
        Interval = interval;
        SourcePath = sourcePath;
        Market = market;
        Bars = bars;
        LinesRead = linesRead;
        SkippedRows = skippedRows;
        SkippedRowReasons = skippedRowReasons;
    }

    /// <summary>The instrument every bar belongs to.</summary>
    public string Symbol { get; }

    /// <summary>The length of every bar.</summary>
    public BarInterval Interval { get; }

    /// <summary>The file the bars were read from, as the caller named it (empty for derived series with no file).</summary>
    public string SourcePath { get; }

    /// <summary>The venue inferred from the file name ("binance", "coinbase"), or null when the name does not say; used to pick instrument rules.</summary>
    public string? Market { get; }

    /// <summary>The bars in strictly increasing start-time order. Gaps (minutes without trades) are normal.</summary>
    public Bar[] Bars { get; }

    /// <summary>Physical lines read from the file, including the header and blank lines, so counts can be reconciled with <c>wc -l</c>.</summary>
    public int LinesRead { get; }

    /// <summary>How many rows were dropped under <see cref="BadRowPolicy.Skip"/>.</summary>
    public int SkippedRows { get; }

    /// <summary>Why rows were dropped: the first <see cref="BarFileReader.MaximumRecordedSkippedRows"/> of them, so a huge dirty file cannot exhaust memory.</summary>
    public IReadOnlyList<SkippedRow> SkippedRowReasons { get; }
}
