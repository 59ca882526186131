using PluginBot.Indicators;

namespace PluginBot.Plugins.RegimeRules;

/// <summary>
/// Kaufman's efficiency ratio: the net close-to-close move over n changes divided by the sum of the absolute
/// changes, in [0, 1]. 1 is a straight line, near 0 is back-and-forth noise. O(1) per close.
/// </summary>
/// <remarks>
/// The indicator library has no efficiency ratio, so it is kept here. The running sum of absolute changes is
/// recomputed exactly once per full turn of the window, so rounding residue cannot build up over long runs.
/// </remarks>
internal sealed class EfficiencyRatio
{
    private readonly RollingWindow<double> closes;
    private readonly RollingWindow<double> changes;
    private double pathLength;
    private int addsSinceResync;

    public EfficiencyRatio(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        closes = new RollingWindow<double>(period + 1);
        changes = new RollingWindow<double>(period);
    }

    public int Period { get; }

    public bool IsReady => closes.IsFull;

    /// <summary>The ratio (0 until ready, and 0 when the price has not moved at all).</summary>
    public double Value { get; private set; }

    public void Update(double close)
    {
        if (closes.Count > 0)
        {
            var change = Math.Abs(close - closes.Newest);
            if (changes.Add(change, out var evicted))
            {
                pathLength -= evicted;
            }

            pathLength += change;
            if (++addsSinceResync >= changes.Capacity)
            {
                Resync();
            }
        }

        closes.Add(close);
        if (IsReady)
        {
            Value = pathLength <= 0 ? 0 : Math.Min(1, Math.Abs(close - closes.Oldest) / pathLength);
        }
    }

    private void Resync()
    {
        var sum = 0.0;
        for (var ago = 0; ago < changes.Count; ago++)
        {
            sum += changes[ago];
        }

        pathLength = sum;
        addsSinceResync = 0;
    }
}
