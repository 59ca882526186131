namespace PluginBot.Indicators;

/// <summary>
/// The arithmetic mean of the last n samples. O(1) per sample: a running sum over a ring buffer, re-summed exactly
/// once per n samples so rounding residue cannot build up over long runs.
/// </summary>
public sealed class SimpleMovingAverage : IValueIndicator
{
    private readonly RollingSum sum;

    /// <summary>Creates a mean over <paramref name="period"/> samples.</summary>
    public SimpleMovingAverage(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        sum = new RollingSum(period);
    }

    /// <summary>The number of samples averaged.</summary>
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
        sum.Add(value);
        if (IsReady)
        {
            Value = sum.Sum / Period;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        sum.Clear();
        Value = 0;
    }
}
