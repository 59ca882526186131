namespace PluginBot.Indicators;

/// <summary>
/// Exponential moving average with smoothing 2/(n+1), seeded with the simple average of the first n values
/// (the convention of TA-Lib and Lean, so values match their references from the first ready sample).
/// </summary>
public sealed class ExponentialMovingAverage : IValueIndicator
{
    private readonly double smoothing;
    private double seedSum;

    /// <summary>Creates an EMA over <paramref name="period"/> samples.</summary>
    public ExponentialMovingAverage(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        smoothing = 2.0 / (period + 1);
    }

    /// <summary>The number of samples the average spans.</summary>
    public int Period { get; }

    /// <inheritdoc />
    public bool IsReady => Samples >= Period;

    /// <inheritdoc />
    public int WarmUpPeriod => Period;

    /// <inheritdoc />
    public int Samples { get; private set; }

    /// <inheritdoc />
    public double Value { get; private set; }

    /// <inheritdoc />
    public void Update(double value)
    {
        Samples++;
        if (Samples < Period)
        {
            seedSum += value;
            return;
        }

        if (Samples == Period)
        {
            Value = (seedSum + value) / Period;
            return;
        }

        Value += smoothing * (value - Value);
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        seedSum = 0;
        Value = 0;
    }
}
