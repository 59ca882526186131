using System.Text;
using PluginBot.Sdk.Market;

namespace PluginBot.Data;

/// <summary>
/// Reads a bar file into a validated <see cref="BarSeries"/>. Two layouts are recognised from the first non-blank line,
/// so callers never have to say which one they have:
/// <list type="bullet">
/// <item><description>
/// OHLCV CSV with a header (<c>datetime_UTC,open,high,low,close,volume</c>; the time column may be datetime, date,
/// time or timestamp, suffixed _UTC or _ET, UTC when there is no suffix). Times are bar starts, <c>yyyy-MM-dd HH:mm:ss</c>
/// or <c>yyyy-MM-dd</c>. ET times (America/New_York) are converted to UTC; at daylight-saving edges a local time
/// that never existed (spring forward) is read with the standard offset, and a local time that happened twice (fall
/// back) is its first, daylight occurrence unless that is not after the previous bar, then its second. A date-only
/// file without a suffix (Lean's SPY daily) is read as midnight UTC of that date, so each bar keeps its trading date.
/// </description></item>
/// <item><description>
/// Binance kline CSV: twelve columns, epoch millisecond or microsecond open time, optional header.
/// </description></item>
/// </list>
/// Every row is checked (column count, numbers, positive prices, high ≥ low, open and close within the range,
/// non-negative volume, parsable and strictly increasing time). A failure names the file, the 1-based line and the
/// problem; under <see cref="BadRowPolicy.Skip"/> the row is dropped and counted instead. Gaps in time are normal:
/// minutes without trades have no bar.
/// </summary>
public static class BarFileReader
{
    /// <summary>How many skipped rows keep their reason; the count beyond this is still exact.</summary>
    public const int MaximumRecordedSkippedRows = 100;

    private const int ReadBufferSize = 64 * 1024;

    /// <summary>Reads and validates the whole file.</summary>
    /// <param name="path">The file to read; errors quote it as given.</param>
    /// <param name="options">Overrides for symbol, interval, zone and bad-row policy; null infers everything and fails on bad rows.</param>
    /// <exception cref="FileNotFoundException">The file does not exist; the message names the path.</exception>
    /// <exception cref="MarketDataFormatException">The file is not a bar file, is empty, or has a bad row under <see cref="BadRowPolicy.Fail"/>.</exception>
    public static BarSeries Read(string path, BarFileOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= BarFileOptions.Default;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Bar file '{path}' does not exist.", path);
        }

        var nameFacts = BarFileNameConvention.Infer(path);
        string? symbol = null;
        var namedInterval = options.Interval ?? nameFacts.Interval;
        var collector = new BarRowCollector(path, options.OnBadRow);

        using var reader = new StreamReader(
            path,
            Encoding.UTF8,
            detectEncodingFromByteOrderMarks: true,
            new FileStreamOptions { BufferSize = ReadBufferSize, Options = FileOptions.SequentialScan });
        var lineNumber = 0;
        IBarRowParser? parser = null;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (parser is null)
            {
                parser = CreateParser(path, line, lineNumber, options, namedInterval, collector, out var firstLineIsData);

                // Checked only once the layout is known, so a file that is not a bar file at all says so instead.
                symbol = options.Symbol ?? nameFacts.Symbol
                    ?? throw new MarketDataFormatException(path, 0, "cannot infer the symbol from the file name; pass BarFileOptions.Symbol");

                if (!firstLineIsData)
                {
                    continue;
                }
            }

            parser.Parse(line, lineNumber);
        }

        if (parser is null || symbol is null)
        {
            throw new MarketDataFormatException(path, 0, "the file is empty: expected a header line and bars, or Binance kline rows");
        }

        if (collector.Count == 0)
        {
            throw new MarketDataFormatException(
                path,
                0,
                collector.SkippedRows == 0
                    ? "the file has no bars after its header"
                    : $"the file has no valid bars: all {collector.SkippedRows} rows were skipped (first: {collector.SkippedRowReasons[0]})");
        }

        var interval = namedInterval ?? parser.IntervalFromRows ?? IntervalFromSmallestStep(path, collector);
        return new BarSeries(
            symbol,
            interval,
            path,
            nameFacts.Market,
            collector.ToArray(symbol, interval),
            lineNumber,
            collector.SkippedRows,
            collector.SkippedRowReasons.ToArray());
    }

    private static IBarRowParser CreateParser(
        string path,
        string firstLine,
        int lineNumber,
        BarFileOptions options,
        BarInterval? namedInterval,
        BarRowCollector collector,
        out bool firstLineIsData)
    {
        Span<Range> fields = stackalloc Range[2];
        var columnCount = CsvFields.Split(firstLine, fields);
        var firstColumn = firstLine.AsSpan()[fields[0]];

        if (BinanceKlineRowParser.LooksLikeKlineRow(firstColumn, columnCount))
        {
            firstLineIsData = true;
            return new BinanceKlineRowParser(collector, namedInterval is null);
        }

        if (BinanceKlineRowParser.IsHeader(firstColumn))
        {
            firstLineIsData = false;
            return new BinanceKlineRowParser(collector, namedInterval is null);
        }

        if (OhlcvCsvRowParser.LooksLikeHeader(firstColumn))
        {
            var problem = OhlcvCsvRowParser.ParseHeader(firstLine, out var headerZone);
            if (problem is not null)
            {
                throw new MarketDataFormatException(path, lineNumber, problem);
            }

            firstLineIsData = false;
            return new OhlcvCsvRowParser(collector, new LocalTimeConverter(options.TimeZone ?? headerZone));
        }

        var preview = firstLine.Length > 60 ? firstLine[..60] + "..." : firstLine;
        throw new MarketDataFormatException(
            path,
            lineNumber,
            $"not a bar file: the first line '{preview}' has {columnCount} columns and is neither an OHLCV header "
            + "('datetime_UTC,open,high,low,close,volume') nor a Binance kline row (epoch open time, 12 columns)");
    }

    private static BarInterval IntervalFromSmallestStep(string path, BarRowCollector collector) =>
        collector.SmallestStep is { } step
            ? new BarInterval(step)
            : throw new MarketDataFormatException(path, 0, "cannot infer the bar interval from a single bar; pass BarFileOptions.Interval");
}
