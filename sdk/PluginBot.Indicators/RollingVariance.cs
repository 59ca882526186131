namespace PluginBot.Indicators;

/// <summary>
/// Population variance (divide by n) of the last n samples. O(1) per sample with a numerically stable
/// sliding-window Welford update: it tracks deviations from the mean instead of Σx² and (Σx)², which for price-level
/// inputs would cancel catastrophically and can even turn negative; the moments are also recomputed exactly once
/// per n samples (amortised O(1)) so no rounding drift survives a long run.
/// </summary>
public sealed class RollingVariance : IValueIndicator
{
    private readonly RollingMoments moments;

    /// <summary>Creates the variance over <paramref name="period"/> samples.</summary>
    public RollingVariance(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        moments = new RollingMoments(period);
    }

    /// <summary>The number of samples in the window.</summary>
    public int Period { get; }

    /// <inheritdoc />
    public bool IsReady => Samples >= Period;

    /// <inheritdoc />
    public int WarmUpPeriod => Period;

    /// <inheritdoc />
    public int Samples { get; private set; }

    /// <inheritdoc />
    public double Value { get; private set; }

    /// <summary>The mean of the window (0 until ready).</summary>
    public double Mean { get; private set; }

    /// <inheritdoc />
    public void Update(double value)
    {
        Samples++;
        moments.Add(value);
        if (IsReady)
        {
            Value = moments.Variance;
            Mean = moments.Mean;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        moments.Clear();
        Value = 0;
        Mean = 0;
    }
}
