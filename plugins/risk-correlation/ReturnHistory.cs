using PluginBot.Sdk.Market;

namespace PluginBot.Plugins.Risk.Correlation;

/// <summary>
/// The last per-bar returns of one symbol, each stamped with the close time of its bar, oldest first. Stamped so two
/// symbols are only compared over the bars they both traded: a gap in one feed must not pair a return with another
/// symbol's return from a different moment.
/// </summary>
internal sealed class ReturnHistory
{
    private readonly DateTime[] times;
    private readonly double[] returns;
    private int start;
    private decimal lastClose;
    private DateTime lastEnd;

    public ReturnHistory(int capacity)
    {
        times = new DateTime[capacity];
        returns = new double[capacity];
    }

    public int Count { get; private set; }

    /// <summary>Adds the return from the previous close to this bar's close; bars not later than the last one are ignored (replays, duplicates).</summary>
    /// <returns>True when a return was added.</returns>
    public bool Add(in Bar bar)
    {
        if (lastEnd != default && bar.EndTime <= lastEnd)
        {
            return false;
        }

        var previous = lastClose;
        lastClose = bar.Close;
        lastEnd = bar.EndTime;
        if (previous <= 0 || bar.Close <= 0)
        {
            return false;
        }

        var value = (double)(bar.Close / previous) - 1d;
        if (Count == times.Length)
        {
            times[start] = bar.EndTime;
            returns[start] = value;
            start = (start + 1) % times.Length;
        }
        else
        {
            var index = (start + Count) % times.Length;
            times[index] = bar.EndTime;
            returns[index] = value;
            Count++;
        }

        return true;
    }

    public DateTime TimeAt(int index) => times[(start + index) % times.Length];

    public double ReturnAt(int index) => returns[(start + index) % returns.Length];
}
