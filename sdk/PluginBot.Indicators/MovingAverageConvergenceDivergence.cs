namespace PluginBot.Indicators;

/// <summary>
/// MACD: the fast exponential average minus the slow one (<see cref="Value"/>, the MACD line), an exponential
/// average of that line (<see cref="Signal"/>), and their difference (<see cref="Histogram"/>). O(1) per sample.
/// </summary>
/// <remarks>
/// All three averages are seeded with simple means (see <see cref="ExponentialMovingAverage"/>). The signal average
/// is fed only once the slow average is ready, because earlier "lines" would be differences of half-formed averages;
/// so the line is available from sample <c>slow</c> and the indicator is ready at sample <c>slow + signal − 1</c>.
/// </remarks>
public sealed class MovingAverageConvergenceDivergence : IValueIndicator
{
    private readonly ExponentialMovingAverage fast;
    private readonly ExponentialMovingAverage slow;
    private readonly ExponentialMovingAverage signal;

    /// <summary>Creates MACD with the classic 12/26/9 periods unless told otherwise.</summary>
    public MovingAverageConvergenceDivergence(int fastPeriod = 12, int slowPeriod = 26, int signalPeriod = 9)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fastPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(slowPeriod, fastPeriod + 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(signalPeriod, 1);
        fast = new ExponentialMovingAverage(fastPeriod);
        slow = new ExponentialMovingAverage(slowPeriod);
        signal = new ExponentialMovingAverage(signalPeriod);
    }

    /// <summary>The fast average's period.</summary>
    public int FastPeriod => fast.Period;

    /// <summary>The slow average's period.</summary>
    public int SlowPeriod => slow.Period;

    /// <summary>The signal average's period.</summary>
    public int SignalPeriod => signal.Period;

    /// <inheritdoc />
    public bool IsReady => signal.IsReady;

    /// <inheritdoc />
    public int WarmUpPeriod => SlowPeriod + SignalPeriod - 1;

    /// <inheritdoc />
    public int Samples { get; private set; }

    /// <summary>The MACD line (fast − slow); available from sample <see cref="SlowPeriod"/>, before IsReady.</summary>
    public double Value { get; private set; }

    /// <summary>The exponential average of the MACD line (0 until ready).</summary>
    public double Signal => signal.Value;

    /// <summary>Line − signal: its sign change is the classic crossover (0 until ready).</summary>
    public double Histogram => IsReady ? Value - signal.Value : 0;

    /// <inheritdoc />
    public void Update(double value)
    {
        Samples++;
        fast.Update(value);
        slow.Update(value);
        if (slow.IsReady)
        {
            Value = fast.Value - slow.Value;
            signal.Update(Value);
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        fast.Reset();
        slow.Reset();
        signal.Reset();
        Value = 0;
    }
}
