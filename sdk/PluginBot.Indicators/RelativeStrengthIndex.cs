namespace PluginBot.Indicators;

/// <summary>
/// Relative strength index: 100 − 100/(1 + average gain / average loss) over close-to-close changes, in [0, 100].
/// O(1) per sample.
/// </summary>
/// <remarks>
/// The first sample only sets the previous close; each later sample contributes one gain and one loss. With
/// <see cref="SmoothingMethod.Wilder"/> (the default and Wilder's definition) the averages are seeded with the simple
/// mean of the first n gains and losses, so the first value appears at sample n + 1 and matches TA-Lib and Lean.
/// With <see cref="SmoothingMethod.Simple"/> they are plain n-sample means (Cutler's RSI). When there has been no
/// loss in the window the index is 100.
/// </remarks>
public sealed class RelativeStrengthIndex : IValueIndicator
{
    private readonly IValueIndicator averageGain;
    private readonly IValueIndicator averageLoss;
    private double previous;

    /// <summary>Creates the index over <paramref name="period"/> changes.</summary>
    public RelativeStrengthIndex(int period, SmoothingMethod smoothing = SmoothingMethod.Wilder)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        Smoothing = smoothing;
        averageGain = CreateAverage(period, smoothing);
        averageLoss = CreateAverage(period, smoothing);
    }

    /// <summary>The number of close-to-close changes averaged.</summary>
    public int Period { get; }

    /// <summary>How gains and losses are averaged.</summary>
    public SmoothingMethod Smoothing { get; }

    /// <inheritdoc />
    public bool IsReady => averageLoss.IsReady;

    /// <inheritdoc />
    public int WarmUpPeriod => Period + 1;

    /// <inheritdoc />
    public int Samples { get; private set; }

    /// <inheritdoc />
    public double Value { get; private set; }

    /// <summary>The current average gain (0 until ready).</summary>
    public double AverageGain => averageGain.Value;

    /// <summary>The current average loss as a positive number (0 until ready).</summary>
    public double AverageLoss => averageLoss.Value;

    /// <inheritdoc />
    public void Update(double value)
    {
        Samples++;
        if (Samples > 1)
        {
            var change = value - previous;
            averageGain.Update(change > 0 ? change : 0);
            averageLoss.Update(change < 0 ? -change : 0);
            if (IsReady)
            {
                var loss = averageLoss.Value;
                Value = loss == 0 ? 100 : 100 - (100 / (1 + (averageGain.Value / loss)));
            }
        }

        previous = value;
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        previous = 0;
        averageGain.Reset();
        averageLoss.Reset();
        Value = 0;
    }

    private static IValueIndicator CreateAverage(int period, SmoothingMethod smoothing) => smoothing switch
    {
        SmoothingMethod.Wilder => new WilderMovingAverage(period),
        SmoothingMethod.Simple => new SimpleMovingAverage(period),
        _ => throw new ArgumentOutOfRangeException(nameof(smoothing), smoothing, "Unknown smoothing method."),
    };
}
