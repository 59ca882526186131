namespace PluginBot.Indicators;

/// <summary>
/// Aroon: how recently the highest high (<see cref="Up"/>) and the lowest low (<see cref="Down"/>) of the last
/// n + 1 bars occurred, each 100·(n − bars since)/n in [0, 100]; <see cref="Value"/> is the oscillator Up − Down in
/// [−100, 100]. A fresh high scores 100, one n bars old scores 0. Amortised O(1) per bar (monotonic deques).
/// </summary>
/// <remarks>
/// The window is n + 1 bars so that "n bars ago" is representable; the oscillator is therefore ready at bar n + 1.
/// When an extreme is tied, the most recent occurrence counts (a re-test of the high is a new high).
/// </remarks>
public sealed class AroonOscillator : IBarIndicator
{
    private readonly RollingExtremum highest;
    private readonly RollingExtremum lowest;

    /// <summary>Creates the oscillator over <paramref name="period"/> bars.</summary>
    public AroonOscillator(int period = 25)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        highest = new RollingExtremum(period + 1, tracksMaximum: true);
        lowest = new RollingExtremum(period + 1, tracksMaximum: false);
    }

    /// <summary>The look-back n.</summary>
    public int Period { get; }

    /// <inheritdoc />
    public bool IsReady => Samples > Period;

    /// <inheritdoc />
    public int WarmUpPeriod => Period + 1;

    /// <inheritdoc />
    public int Samples { get; private set; }

    /// <summary>Up − Down (0 until ready).</summary>
    public double Value => Up - Down;

    /// <summary>Aroon up: 100 when the highest high is the current bar (0 until ready).</summary>
    public double Up { get; private set; }

    /// <summary>Aroon down: 100 when the lowest low is the current bar (0 until ready).</summary>
    public double Down { get; private set; }

    /// <inheritdoc />
    public void Update(in BarSample bar)
    {
        Samples++;
        highest.Add(bar.High);
        lowest.Add(bar.Low);
        if (IsReady)
        {
            Up = 100.0 * (Period - highest.SamplesSinceExtremum) / Period;
            Down = 100.0 * (Period - lowest.SamplesSinceExtremum) / Period;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        highest.Clear();
        lowest.Clear();
        Up = 0;
        Down = 0;
    }
}
