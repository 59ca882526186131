namespace PluginBot.Indicators;

/// <summary>
/// Kaufman's efficiency ratio over n changes: |close − close n samples ago| / Σ|close − previous close| over those
/// n changes, in [0, 1]. Near 1 the price moved in a straight line (trending); near 0 it churned without getting
/// anywhere (noise, mean reversion) — a regime feature. O(1) per sample.
/// </summary>
/// <remarks>
/// Needs n + 1 samples. The path length is a running sum of absolute changes, recomputed exactly once per n samples
/// (amortised O(1)) so rounding residue cannot build up over long runs. A flat window (no path at all) yields 0: with
/// no movement there is no trend to be efficient about.
/// </remarks>
public sealed class EfficiencyRatio : IValueIndicator
{
    private readonly RollingWindow<double> values;
    private readonly RollingWindow<double> changes;
    private double pathLength;
    private int updatesSinceRecompute;

    /// <summary>Creates the ratio over <paramref name="period"/> changes.</summary>
    public EfficiencyRatio(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        values = new RollingWindow<double>(period + 1);
        changes = new RollingWindow<double>(period);
    }

    /// <summary>The number of sample-to-sample changes in the window.</summary>
    public int Period { get; }

    /// <inheritdoc />
    public bool IsReady => Samples > Period;

    /// <inheritdoc />
    public int WarmUpPeriod => Period + 1;

    /// <inheritdoc />
    public int Samples { get; private set; }

    /// <inheritdoc />
    public double Value { get; private set; }

    /// <inheritdoc />
    public void Update(double value)
    {
        Samples++;
        if (values.Count > 0)
        {
            var change = Math.Abs(value - values.Newest);
            pathLength += changes.Add(change, out var evicted) ? change - evicted : change;
            updatesSinceRecompute++;
            if (updatesSinceRecompute == Period)
            {
                RecomputePathLength();
            }
        }

        values.Add(value);
        if (IsReady)
        {
            var net = Math.Abs(value - values.Oldest);
            Value = pathLength > 0 ? Math.Min(1, net / pathLength) : 0;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        values.Clear();
        changes.Clear();
        pathLength = 0;
        updatesSinceRecompute = 0;
        Samples = 0;
        Value = 0;
    }

    private void RecomputePathLength()
    {
        var sum = 0.0;
        for (var ago = 0; ago < changes.Count; ago++)
        {
            sum += changes[ago];
        }

        pathLength = sum;
        updatesSinceRecompute = 0;
    }
}
