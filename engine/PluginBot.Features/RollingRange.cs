namespace PluginBot.Features;

/// <summary>
/// The minimum and maximum of the last n values, for the min-max normalising columns.
/// </summary>
/// <remarks>
/// A ring of n values with the current extremes kept in two fields. A newcomer updates them with one comparison
/// each; only when the value being evicted is an extreme is the window rescanned (O(n)). For a series that wanders,
/// an extreme leaves the window about twice every n values, so the cost is O(1) on average and O(n) in the worst case
/// (a series moving one way for the whole window). Measured on the default set it is several times cheaper than a
/// monotonic deque, whose pops are unpredictable branches on every value. The extremes are exact (no arithmetic),
/// so the result equals any other exact min/max.
/// </remarks>
internal sealed class RollingRange
{
    private readonly double[] window;
    private int next;
    private int count;

    public RollingRange(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        window = new double[period];
    }

    public bool IsFull => count == window.Length;

    public double Minimum { get; private set; }

    public double Maximum { get; private set; }

    public void Add(double value)
    {
        var evicted = window[next];
        var evictsOne = count == window.Length;
        window[next] = value;
        next = next + 1 == window.Length ? 0 : next + 1;
        if (!evictsOne)
        {
            count++;
            if (count == 1 || value < Minimum)
            {
                Minimum = value;
            }

            if (count == 1 || value > Maximum)
            {
                Maximum = value;
            }

            return;
        }

        if (evicted == Minimum || evicted == Maximum)
        {
            Rescan();
            return;
        }

        if (value < Minimum)
        {
            Minimum = value;
        }

        if (value > Maximum)
        {
            Maximum = value;
        }
    }

    private void Rescan()
    {
        var minimum = window[0];
        var maximum = window[0];
        for (var index = 1; index < window.Length; index++)
        {
            var value = window[index];
            minimum = Math.Min(minimum, value);
            maximum = Math.Max(maximum, value);
        }

        Minimum = minimum;
        Maximum = maximum;
    }
}
