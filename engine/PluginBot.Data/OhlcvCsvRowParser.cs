using PluginBot.Sdk.Market;

namespace PluginBot.Data;

/// <summary>
/// The converted OHLCV layout: a header <c>datetime_UTC,open,high,low,close,volume</c> (first column datetime, date,
/// time or timestamp, optionally suffixed _UTC or _ET for the zone) and rows <c>time,open,high,low,close,volume</c>
/// whose time is the bar start.
/// </summary>
internal sealed class OhlcvCsvRowParser : IBarRowParser
{
    private const int ColumnCount = 6;

    private static readonly string[] PriceColumns = ["open", "high", "low", "close", "volume"];

    private static readonly string[] TimeColumnNames = ["datetime", "date", "time", "timestamp"];

    private readonly BarRowCollector collector;
    private readonly LocalTimeConverter converter;

    /// <summary>Creates a parser converting local times with <paramref name="converter"/>.</summary>
    public OhlcvCsvRowParser(BarRowCollector collector, LocalTimeConverter converter)
    {
        this.collector = collector;
        this.converter = converter;
    }

    /// <inheritdoc />
    public BarInterval? IntervalFromRows => null;

    /// <summary>True when the first column's name is one of the time column names, with or without a zone suffix.</summary>
    public static bool LooksLikeHeader(ReadOnlySpan<char> firstColumn)
    {
        var name = firstColumn.Trim();
        var underscore = name.IndexOf('_');
        var baseName = underscore < 0 ? name : name[..underscore];
        foreach (var candidate in TimeColumnNames)
        {
            if (baseName.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Checks the header and returns the zone its time column names (null for UTC, the default), or a problem saying
    /// what was expected.
    /// </summary>
    public static string? ParseHeader(ReadOnlySpan<char> line, out TimeZoneInfo? zone)
    {
        zone = null;
        Span<Range> fields = stackalloc Range[ColumnCount + 1];
        var count = CsvFields.Split(line, fields);
        var expected = $"expected the header 'datetime_UTC,open,high,low,close,volume' (or _ET, or date) but found '{line.Trim()}'";
        if (count != ColumnCount)
        {
            return expected;
        }

        for (var index = 0; index < PriceColumns.Length; index++)
        {
            if (!line[fields[index + 1]].Trim().Equals(PriceColumns[index], StringComparison.OrdinalIgnoreCase))
            {
                return expected;
            }
        }

        var timeColumn = line[fields[0]].Trim();
        var underscore = timeColumn.IndexOf('_');
        var suffix = underscore < 0 ? ReadOnlySpan<char>.Empty : timeColumn[(underscore + 1)..];
        if (suffix.IsEmpty || suffix.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (suffix.Equals("ET", StringComparison.OrdinalIgnoreCase))
        {
            zone = LocalTimeConverter.FindEasternTime();
            return null;
        }

        return $"unknown time zone suffix '{suffix}' in header column '{timeColumn}': expected UTC or ET, or pass BarFileOptions.TimeZone";
    }

    /// <inheritdoc />
    public void Parse(ReadOnlySpan<char> line, int lineNumber)
    {
        Span<Range> fields = stackalloc Range[ColumnCount + 1];
        var count = CsvFields.Split(line, fields);
        if (count != ColumnCount)
        {
            collector.Reject(lineNumber, $"expected {ColumnCount} columns (time,open,high,low,close,volume) but found {count}");
            return;
        }

        if (!CsvFields.TryParseTime(line[fields[0]], out var local))
        {
            collector.Reject(lineNumber, $"time '{line[fields[0]].Trim()}' is not a time of the form yyyy-MM-dd HH:mm:ss or yyyy-MM-dd");
            return;
        }

        if (Fail(CsvFields.TryParseDecimal(line[fields[1]], "open", out var open), lineNumber)
            || Fail(CsvFields.TryParseDecimal(line[fields[2]], "high", out var high), lineNumber)
            || Fail(CsvFields.TryParseDecimal(line[fields[3]], "low", out var low), lineNumber)
            || Fail(CsvFields.TryParseDecimal(line[fields[4]], "close", out var close), lineNumber)
            || Fail(CsvFields.TryParseDecimal(line[fields[5]], "volume", out var volume), lineNumber))
        {
            return;
        }

        var startUtc = converter.ToUtc(local, collector.PreviousStart);
        collector.TryAccept(lineNumber, startUtc, open, high, low, close, volume);
    }

    private bool Fail(string? problem, int lineNumber)
    {
        if (problem is null)
        {
            return false;
        }

        collector.Reject(lineNumber, problem);
        return true;
    }
}
