using PluginBot.Sdk.Market;

namespace PluginBot.Data;

/// <summary>
/// Binance's kline archive layout (data.binance.vision): no header, twelve columns
/// <c>open time, open, high, low, close, volume, close time, quote volume, trades, taker base, taker quote, ignore</c>.
/// Open and close times are Unix epoch milliseconds, or microseconds in spot files from 2025 on (told apart by
/// magnitude). Columns after volume are not needed for bars and are not parsed, but every row must have as many
/// columns as the first data row, which must have between 6 and 12, so a truncated or merged row is caught.
/// </summary>
internal sealed class BinanceKlineRowParser : IBarRowParser
{
    /// <summary>The fewest columns a kline row can have and still carry a bar.</summary>
    public const int MinimumColumnCount = 6;

    /// <summary>The columns Binance writes.</summary>
    public const int FullColumnCount = 12;

    private static readonly string[] HeaderFirstColumns = ["open_time", "opentime", "open time"];

    private readonly BarRowCollector collector;
    private readonly bool wantsIntervalFromRows;
    private int expectedColumnCount;

    /// <summary>Creates a parser; <paramref name="wantsIntervalFromRows"/> asks it to derive the interval from the first accepted row's close time.</summary>
    public BinanceKlineRowParser(BarRowCollector collector, bool wantsIntervalFromRows)
    {
        this.collector = collector;
        this.wantsIntervalFromRows = wantsIntervalFromRows;
    }

    /// <inheritdoc />
    public BarInterval? IntervalFromRows { get; private set; }

    /// <summary>True for the optional header some exports add (first column open_time).</summary>
    public static bool IsHeader(ReadOnlySpan<char> firstColumn)
    {
        var name = firstColumn.Trim();
        foreach (var candidate in HeaderFirstColumns)
        {
            if (name.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a headerless first line has the shape of a kline row: an epoch open time and enough columns.</summary>
    public static bool LooksLikeKlineRow(ReadOnlySpan<char> firstColumn, int columnCount) =>
        columnCount >= MinimumColumnCount && firstColumn.Trim().Length >= 11 && CsvFields.IsAllDigits(firstColumn.Trim());

    /// <inheritdoc />
    public void Parse(ReadOnlySpan<char> line, int lineNumber)
    {
        Span<Range> fields = stackalloc Range[FullColumnCount + 1];
        var count = CsvFields.Split(line, fields);
        if (expectedColumnCount == 0 && count is < MinimumColumnCount or > FullColumnCount)
        {
            collector.Reject(lineNumber, $"expected {FullColumnCount} columns (open time, open, high, low, close, volume, close time, ...) but found {count}");
            return;
        }

        if (expectedColumnCount != 0 && count != expectedColumnCount)
        {
            collector.Reject(lineNumber, $"expected {expectedColumnCount} columns like the first row but found {count}");
            return;
        }

        if (!CsvFields.TryParseEpoch(line[fields[0]], out var openTime, out var ticksPerUnit))
        {
            collector.Reject(lineNumber, $"open time '{line[fields[0]].Trim()}' is not a Unix epoch time in milliseconds or microseconds");
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

        BarInterval? rowInterval = null;
        if (wantsIntervalFromRows && IntervalFromRows is null && count > MinimumColumnCount)
        {
            // Binance's close time is the last unit inside the bar (open + interval - 1 ms, or - 1 µs).
            if (!CsvFields.TryParseEpoch(line[fields[6]], out var closeTime, out var closeTicksPerUnit) || closeTicksPerUnit != ticksPerUnit)
            {
                collector.Reject(lineNumber, $"close time '{line[fields[6]].Trim()}' is not a Unix epoch time in the unit of the open time");
                return;
            }

            var length = closeTime - openTime + TimeSpan.FromTicks(ticksPerUnit);
            if (length <= TimeSpan.Zero)
            {
                collector.Reject(lineNumber, $"close time '{line[fields[6]].Trim()}' is before the open time '{line[fields[0]].Trim()}'");
                return;
            }

            rowInterval = new BarInterval(length);
        }

        if (collector.TryAccept(lineNumber, openTime, open, high, low, close, volume))
        {
            expectedColumnCount = count;
            IntervalFromRows ??= rowInterval;
        }
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
