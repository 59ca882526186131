namespace PluginBot.Indicators;

/// <summary>
/// Bollinger bands: a simple mean of the last n closes with bands k population standard deviations above and
/// below. O(1) per sample via a numerically stable sliding-window variance (no Σx² − (Σx)²/n cancellation).
/// </summary>
/// <remarks>
/// <see cref="Value"/> is the middle band. Population σ (divide by n) is the convention of Bollinger, TA-Lib and
/// Lean. <see cref="BandWidth"/> is a fraction ((upper − lower)/middle), not a percentage, like every other ratio in
/// this library; multiply by 100 to compare with charting packages that show percent.
/// </remarks>
public sealed class BollingerBands : IValueIndicator
{
    private readonly RollingMoments moments;

    /// <summary>Creates bands over <paramref name="period"/> closes, <paramref name="deviations"/> σ wide.</summary>
    public BollingerBands(int period = 20, double deviations = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(deviations);
        Period = period;
        Deviations = deviations;
        moments = new RollingMoments(period);
    }

    /// <summary>The number of closes in the window.</summary>
    public int Period { get; }

    /// <summary>The band half-width in standard deviations (k).</summary>
    public double Deviations { get; }

    /// <inheritdoc />
    public bool IsReady => Samples >= Period;

    /// <inheritdoc />
    public int WarmUpPeriod => Period;

    /// <inheritdoc />
    public int Samples { get; private set; }

    /// <summary>The middle band (the simple mean).</summary>
    public double Value => Middle;

    /// <summary>The simple mean of the window (0 until ready).</summary>
    public double Middle { get; private set; }

    /// <summary>Middle + k·σ (0 until ready).</summary>
    public double Upper { get; private set; }

    /// <summary>Middle − k·σ (0 until ready).</summary>
    public double Lower { get; private set; }

    /// <summary>The population standard deviation of the window (0 until ready).</summary>
    public double StandardDeviation { get; private set; }

    /// <summary>(Upper − Lower)/Middle as a fraction: a volatility measure comparable across price levels.</summary>
    public double BandWidth { get; private set; }

    /// <summary>
    /// Where the close sits between the bands: 0 at the lower band, 1 at the upper, outside [0, 1] beyond them;
    /// 0.5 when the bands collapse (no variation), the only position that does not claim an extreme.
    /// </summary>
    public double PercentB { get; private set; }

    /// <inheritdoc />
    public void Update(double value)
    {
        Samples++;
        moments.Add(value);
        if (!IsReady)
        {
            return;
        }

        Middle = moments.Mean;
        StandardDeviation = Math.Sqrt(moments.Variance);
        Upper = Middle + (Deviations * StandardDeviation);
        Lower = Middle - (Deviations * StandardDeviation);
        BandWidth = Middle == 0 ? 0 : (Upper - Lower) / Middle;
        PercentB = Upper == Lower ? 0.5 : (value - Lower) / (Upper - Lower);
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        moments.Clear();
        Middle = 0;
        Upper = 0;
        Lower = 0;
        StandardDeviation = 0;
        BandWidth = 0;
        PercentB = 0;
    }
}
