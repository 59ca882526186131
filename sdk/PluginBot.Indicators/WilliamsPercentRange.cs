namespace PluginBot.Indicators;

/// <summary>
/// Williams %R: −100·(highest high − close)/(highest high − lowest low) over the last n bars, in [−100, 0]
/// (0 = closing at the top of the range). Amortised O(1) per bar (monotonic deques for the rolling extremes).
/// </summary>
/// <remarks>When the range is flat the value is 0, Lean's convention.</remarks>
public sealed class WilliamsPercentRange : IBarIndicator
{
    private readonly RollingExtremum highest;
    private readonly RollingExtremum lowest;

    /// <summary>Creates the oscillator over <paramref name="period"/> bars.</summary>
    public WilliamsPercentRange(int period = 14)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        highest = new RollingExtremum(period, tracksMaximum: true);
        lowest = new RollingExtremum(period, tracksMaximum: false);
    }

    /// <summary>The look-back of the range.</summary>
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
    public void Update(in BarSample bar)
    {
        Samples++;
        highest.Add(bar.High);
        lowest.Add(bar.Low);
        if (!IsReady)
        {
            return;
        }

        var range = highest.Value - lowest.Value;
        Value = range == 0 ? 0 : -100 * (highest.Value - bar.Close) / range;
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        highest.Clear();
        lowest.Clear();
        Value = 0;
    }
}
