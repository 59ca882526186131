namespace PluginBot.Indicators;

/// <summary>
/// The average of <see cref="TrueRange"/> over n bars: the volatility yardstick used for stops and position sizing.
/// O(1) per bar.
/// </summary>
/// <remarks>
/// Bar 1 contributes its high − low (it has no previous close), so the average is ready at bar n. With
/// <see cref="SmoothingMethod.Wilder"/> (Wilder's definition, the default) the first value is the mean of those n
/// true ranges and later values follow average += (tr − average)/n; with <see cref="SmoothingMethod.Simple"/> it is
/// the plain mean of the last n true ranges. Both match Lean's references to better than 1e-5.
/// </remarks>
public sealed class AverageTrueRange : IBarIndicator
{
    private readonly TrueRange trueRange = new();
    private readonly IValueIndicator average;

    /// <summary>Creates the average over <paramref name="period"/> bars.</summary>
    public AverageTrueRange(int period, SmoothingMethod smoothing = SmoothingMethod.Wilder)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        Smoothing = smoothing;
        average = smoothing switch
        {
            SmoothingMethod.Wilder => new WilderMovingAverage(period),
            SmoothingMethod.Simple => new SimpleMovingAverage(period),
            _ => throw new ArgumentOutOfRangeException(nameof(smoothing), smoothing, "Unknown smoothing method."),
        };
    }

    /// <summary>The number of bars averaged.</summary>
    public int Period { get; }

    /// <summary>How the true ranges are averaged.</summary>
    public SmoothingMethod Smoothing { get; }

    /// <inheritdoc />
    public bool IsReady => average.IsReady;

    /// <inheritdoc />
    public int WarmUpPeriod => Period;

    /// <inheritdoc />
    public int Samples => trueRange.Samples;

    /// <inheritdoc />
    public double Value => average.Value;

    /// <summary>The latest bar's true range (high − low on the first bar).</summary>
    public double CurrentTrueRange => trueRange.Value;

    /// <inheritdoc />
    public void Update(in BarSample bar)
    {
        trueRange.Update(bar);
        average.Update(trueRange.Value);
    }

    /// <inheritdoc />
    public void Reset()
    {
        trueRange.Reset();
        average.Reset();
    }
}
