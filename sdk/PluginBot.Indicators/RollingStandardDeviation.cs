namespace PluginBot.Indicators;

/// <summary>
/// Population standard deviation of the last n samples: the square root of <see cref="RollingVariance"/>, with the
/// same O(1), numerically stable update.
/// </summary>
public sealed class RollingStandardDeviation : IValueIndicator
{
    private readonly RollingVariance variance;

    /// <summary>Creates the standard deviation over <paramref name="period"/> samples.</summary>
    public RollingStandardDeviation(int period)
    {
        variance = new RollingVariance(period);
    }

    /// <summary>The number of samples in the window.</summary>
    public int Period => variance.Period;

    /// <inheritdoc />
    public bool IsReady => variance.IsReady;

    /// <inheritdoc />
    public int WarmUpPeriod => variance.WarmUpPeriod;

    /// <inheritdoc />
    public int Samples => variance.Samples;

    /// <inheritdoc />
    public double Value { get; private set; }

    /// <summary>The mean of the window (0 until ready).</summary>
    public double Mean => variance.Mean;

    /// <inheritdoc />
    public void Update(double value)
    {
        variance.Update(value);
        if (variance.IsReady)
        {
            Value = Math.Sqrt(variance.Value);
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        variance.Reset();
        Value = 0;
    }
}
