namespace PluginBot.Indicators;

/// <summary>
/// The maximum (or minimum) of the last n values and how many samples ago it occurred, in amortised O(1).
/// </summary>
/// <remarks>
/// A monotonic deque: candidates are kept in arrival order with strictly worsening values, so the front is always
/// the extremum. A newcomer removes every candidate it ties or beats (they can never be the extremum again while it
/// is in the window), and the front leaves when it ages out. Each value is pushed and popped at most once, hence
/// amortised O(1); the storage is a ring of n slots allocated once. Ties resolve to the most recent sample, which is
/// what "periods since the high" in Aroon expects.
/// </remarks>
internal sealed class RollingExtremum
{
    private readonly double[] values;
    private readonly long[] positions;
    private readonly bool tracksMaximum;
    private int front;
    private int count;
    private long sample;

    public RollingExtremum(int period, bool tracksMaximum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        values = new double[period];
        positions = new long[period];
        this.tracksMaximum = tracksMaximum;
    }

    public int Period => values.Length;

    public bool IsFull => sample >= values.Length;

    /// <summary>The extremum of the window (0 when empty).</summary>
    public double Value => count == 0 ? 0 : values[front];

    /// <summary>0 when the extremum is the newest value, Period − 1 when it is the oldest.</summary>
    public int SamplesSinceExtremum => count == 0 ? 0 : (int)(sample - positions[front]);

    public void Add(double value)
    {
        sample++;
        var capacity = values.Length;
        while (count > 0)
        {
            var back = (front + count - 1) % capacity;
            var dominated = tracksMaximum ? values[back] <= value : values[back] >= value;
            if (!dominated)
            {
                break;
            }

            count--;
        }

        if (count > 0 && positions[front] <= sample - capacity)
        {
            front = (front + 1) % capacity;
            count--;
        }

        var slot = (front + count) % capacity;
        values[slot] = value;
        positions[slot] = sample;
        count++;
    }

    public void Clear()
    {
        front = 0;
        count = 0;
        sample = 0;
    }
}
