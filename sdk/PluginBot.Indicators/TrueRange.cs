namespace PluginBot.Indicators;

/// <summary>
/// Wilder's true range: the bar's range widened to include a gap from the previous close,
/// max(high − low, |high − previous close|, |low − previous close|). O(1) per bar.
/// </summary>
/// <remarks>
/// The first bar has no previous close, so its gap is unknown: <see cref="Value"/> is then high − low (what
/// averages of true range conventionally use for bar 1), but <see cref="IsReady"/> stays false until the second bar.
/// </remarks>
public sealed class TrueRange : IBarIndicator
{
    private double previousClose;

    /// <inheritdoc />
    public bool IsReady => Samples >= 2;

    /// <inheritdoc />
    public int WarmUpPeriod => 2;

    /// <inheritdoc />
    public int Samples { get; private set; }

    /// <inheritdoc />
    public double Value { get; private set; }

    /// <inheritdoc />
    public void Update(in BarSample bar)
    {
        Samples++;
        var range = bar.High - bar.Low;
        if (Samples > 1)
        {
            range = Math.Max(range, Math.Max(Math.Abs(bar.High - previousClose), Math.Abs(bar.Low - previousClose)));
        }

        Value = range;
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
