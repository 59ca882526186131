namespace PluginBot.Indicators;

/// <summary>
/// Wilder's moving average (also called RMA or SMMA): seeded with the simple mean of the first n samples, then
/// average += (value − average)/n. It is the smoothing inside RSI, ATR and ADX; seeding with the mean (rather than
/// the first value) is what makes those indicators match published references from their first ready sample.
/// O(1) per sample.
/// </summary>
public sealed class WilderMovingAverage : IValueIndicator
{
    private double seedSum;

    /// <summary>Creates the average over <paramref name="period"/> samples.</summary>
    public WilderMovingAverage(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
    }

    /// <summary>The smoothing period n (factor 1/n).</summary>
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

        Value += (value - Value) / Period;
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        seedSum = 0;
        Value = 0;
    }
}
