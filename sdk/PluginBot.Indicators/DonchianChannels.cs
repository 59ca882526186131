namespace PluginBot.Indicators;

/// <summary>
/// Donchian channels: the highest high (<see cref="Upper"/>) and lowest low (<see cref="Lower"/>) of the last n
/// bars, including the current one, and their midpoint (<see cref="Middle"/>, also <see cref="Value"/>). The basis of
/// breakout rules. Amortised O(1) per bar (monotonic deques).
/// </summary>
public sealed class DonchianChannels : IBarIndicator
{
    private readonly RollingExtremum highest;
    private readonly RollingExtremum lowest;

    /// <summary>Creates channels over <paramref name="period"/> bars.</summary>
    public DonchianChannels(int period = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        highest = new RollingExtremum(period, tracksMaximum: true);
        lowest = new RollingExtremum(period, tracksMaximum: false);
    }

    /// <summary>The number of bars spanned.</summary>
    public int Period { get; }

    /// <inheritdoc />
    public bool IsReady => Samples >= Period;

    /// <inheritdoc />
    public int WarmUpPeriod => Period;

    /// <inheritdoc />
    public int Samples { get; private set; }

    /// <summary>The midpoint of the channel.</summary>
    public double Value => Middle;

    /// <summary>The highest high of the window (0 until ready).</summary>
    public double Upper { get; private set; }

    /// <summary>The lowest low of the window (0 until ready).</summary>
    public double Lower { get; private set; }

    /// <summary>(Upper + Lower)/2 (0 until ready).</summary>
    public double Middle { get; private set; }

    /// <inheritdoc />
    public void Update(in BarSample bar)
    {
        Samples++;
        highest.Add(bar.High);
        lowest.Add(bar.Low);
        if (IsReady)
        {
            Upper = highest.Value;
            Lower = lowest.Value;
            Middle = (Upper + Lower) / 2;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        highest.Clear();
        lowest.Clear();
        Upper = 0;
        Lower = 0;
        Middle = 0;
    }
}
