namespace PluginBot.Indicators;

/// <summary>
/// Rate of change over n samples as a fraction: (value − value n samples ago)/(value n samples ago), so 0.05 means
/// +5 %. Fractions (not percent) keep it consistent with returns elsewhere in the engine. O(1) per sample.
/// </summary>
/// <remarks>Needs n + 1 samples. A zero base value yields 0 rather than infinity.</remarks>
public sealed class RateOfChange : IValueIndicator
{
    private readonly RollingWindow<double> window;

    /// <summary>Creates the rate of change over <paramref name="period"/> samples.</summary>
    public RateOfChange(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        window = new RollingWindow<double>(period + 1);
    }

    /// <summary>How many samples back the base value is.</summary>
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
        window.Add(value);
        if (!IsReady)
        {
            return;
        }

        var baseValue = window.Oldest;
        Value = baseValue == 0 ? 0 : (value - baseValue) / baseValue;
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        window.Clear();
        Value = 0;
    }
}
