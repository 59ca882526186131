namespace PluginBot.Indicators;

/// <summary>
/// On-balance volume: a running total that adds the bar's volume when the close rises, subtracts it when the close
/// falls and leaves it unchanged otherwise. O(1) per bar.
/// </summary>
/// <remarks>
/// Only the changes carry information; the level depends on where counting started. It is seeded with the first
/// bar's volume (Lean's convention, so levels match its references) and is ready after that first bar.
/// </remarks>
public sealed class OnBalanceVolume : IBarIndicator
{
    private double previousClose;

    /// <inheritdoc />
    public bool IsReady => Samples >= 1;

    /// <inheritdoc />
    public int WarmUpPeriod => 1;

    /// <inheritdoc />
    public int Samples { get; private set; }

    /// <inheritdoc />
    public double Value { get; private set; }

    /// <inheritdoc />
    public void Update(in BarSample bar)
    {
        Samples++;
        if (Samples == 1)
        {
            Value = bar.Volume;
        }
        else if (bar.Close > previousClose)
        {
            Value += bar.Volume;
        }
        else if (bar.Close < previousClose)
        {
            Value -= bar.Volume;
        }

        previousClose = bar.Close;
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        previousClose = 0;
        Value = 0;
    }
}
