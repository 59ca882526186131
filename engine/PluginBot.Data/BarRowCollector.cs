using System.Globalization;
using PluginBot.Sdk.Market;

namespace PluginBot.Data;

/// <summary>
/// Receives parsed rows from a row parser, applies the checks common to every layout (price sanity, strictly
/// increasing time) and either keeps the bar or applies the bad-row policy. One instance reads one file.
/// </summary>
internal sealed class BarRowCollector
{
    private readonly string path;
    private readonly BadRowPolicy policy;
    private readonly List<Bar> bars = new(capacity: 4096);
    private readonly List<SkippedRow> skippedRowReasons = [];
    private DateTime previousStart;
    private int previousLine;

    /// <summary>Creates a collector for one file.</summary>
    public BarRowCollector(string path, BadRowPolicy policy)
    {
        this.path = path;
        this.policy = policy;
    }

    /// <summary>The start of the last accepted bar, which decides repeated local hours and ordering; null before the first.</summary>
    public DateTime? PreviousStart => previousLine > 0 ? previousStart : null;

    /// <summary>Accepted bars so far.</summary>
    public int Count => bars.Count;

    /// <summary>Rows dropped under <see cref="BadRowPolicy.Skip"/>.</summary>
    public int SkippedRows { get; private set; }

    /// <summary>The first <see cref="BarFileReader.MaximumRecordedSkippedRows"/> reasons rows were dropped.</summary>
    public IReadOnlyList<SkippedRow> SkippedRowReasons => skippedRowReasons;

    /// <summary>The smallest gap between consecutive accepted bar starts, the interval of a file that does not name one; null with fewer than two bars.</summary>
    public TimeSpan? SmallestStep { get; private set; }

    /// <summary>Reports a bad row: throws under <see cref="BadRowPolicy.Fail"/>, otherwise counts and remembers it.</summary>
    /// <exception cref="MarketDataFormatException">The policy is <see cref="BadRowPolicy.Fail"/>.</exception>
    public void Reject(int lineNumber, string problem)
    {
        if (policy == BadRowPolicy.Fail)
        {
            throw new MarketDataFormatException(path, lineNumber, problem);
        }

        SkippedRows++;
        if (skippedRowReasons.Count < BarFileReader.MaximumRecordedSkippedRows)
        {
            skippedRowReasons.Add(new SkippedRow(lineNumber, problem));
        }
    }

    /// <summary>Validates and keeps one row; returns false when it was rejected (and skipped).</summary>
    public bool TryAccept(int lineNumber, DateTime startUtc, decimal open, decimal high, decimal low, decimal close, decimal volume)
    {
        var problem = BarPriceValidator.Check(open, high, low, close, volume);
        if (problem is null && previousLine > 0 && startUtc <= previousStart)
        {
            problem = startUtc == previousStart
                ? $"duplicate time {Format(startUtc)}: line {previousLine} has the same bar start"
                : $"time {Format(startUtc)} is before {Format(previousStart)} on line {previousLine}: bars must be in increasing time order";
        }

        if (problem is not null)
        {
            Reject(lineNumber, problem);
            return false;
        }

        if (previousLine > 0)
        {
            var step = startUtc - previousStart;
            if (SmallestStep is not { } smallest || step < smallest)
            {
                SmallestStep = step;
            }
        }

        // The interval may only be known once the whole file is read; ToArray stamps it and the symbol.
        bars.Add(new Bar(string.Empty, default, startUtc, open, high, low, close, volume));
        previousStart = startUtc;
        previousLine = lineNumber;
        return true;
    }

    /// <summary>The accepted bars stamped with the symbol and the interval that were finally decided.</summary>
    public Bar[] ToArray(string symbol, BarInterval interval)
    {
        var result = new Bar[bars.Count];
        for (var index = 0; index < result.Length; index++)
        {
            result[index] = bars[index] with { Symbol = symbol, Interval = interval };
        }

        return result;
    }

    private static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
