namespace PluginBot.Indicators;

/// <summary>
/// The logarithmic return over n samples, ln(value / value n samples ago). Log returns add up over time and are
/// symmetric for gains and losses, which makes them the usual model input. O(1) per sample.
/// </summary>
/// <remarks>Needs n + 1 samples. A non-positive value on either side yields 0 rather than NaN or infinity.</remarks>
public sealed class LogReturn : IValueIndicator
{
    private readonly RollingWindow<double> window;

    /// <summary>Creates the log return over <paramref name="period"/> samples.</summary>
    public LogReturn(int period = 1)
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
        Value = baseValue > 0 && value > 0 ? Math.Log(value / baseValue) : 0;
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        window.Clear();
        Value = 0;
    }
}
