namespace PluginBot.Indicators;

/// <summary>
/// The sum of the last n values, maintained by adding the newcomer and subtracting the evicted value (O(1)).
/// Adding and subtracting leaves rounding residue that would otherwise grow without bound over millions of
/// samples, so once per full turn of the window the sum is recomputed exactly: O(n) every n samples, which is
/// amortised O(1) and keeps the error at the level of a single pass.
/// </summary>
internal sealed class RollingSum
{
    private readonly RollingWindow<double> window;
    private int addsSinceResync;

    public RollingSum(int period)
    {
        window = new RollingWindow<double>(period);
    }

    public RollingWindow<double> Window => window;

    public double Sum { get; private set; }

    public int Count => window.Count;

    public bool IsFull => window.IsFull;

    public void Add(double value)
    {
        if (window.Add(value, out var evicted))
        {
            Sum -= evicted;
        }

        Sum += value;
        addsSinceResync++;
        if (addsSinceResync >= window.Capacity)
        {
            Resync();
        }
    }

    public void Clear()
    {
        window.Clear();
        Sum = 0;
        addsSinceResync = 0;
    }

    private void Resync()
    {
        var exact = 0.0;
        for (var ago = 0; ago < window.Count; ago++)
        {
            exact += window[ago];
        }

        Sum = exact;
        addsSinceResync = 0;
    }
}
