namespace PluginBot.Indicators;

/// <summary>
/// Keltner channels: a simple mean of the typical price (high + low + close)/3 as the middle line, with bands a
/// multiple of the simple average true range above and below. Like Bollinger bands, but the width follows the
/// traded range rather than the dispersion of closes, so single outlier closes move it less. O(1) per bar.
/// </summary>
/// <remarks>
/// Middle line and average true range both use the simple mean over n bars (Lean's default), and the true range of
/// bar 1 is its high − low, so the channels are ready at bar n. <see cref="Value"/> is the middle line.
/// </remarks>
public sealed class KeltnerChannels : IBarIndicator
{
    private readonly SimpleMovingAverage middle;
    private readonly AverageTrueRange averageTrueRange;

    /// <summary>Creates channels over <paramref name="period"/> bars, <paramref name="multiplier"/> ATRs wide.</summary>
    public KeltnerChannels(int period = 20, double multiplier = 1.5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(multiplier);
        Period = period;
        Multiplier = multiplier;
        middle = new SimpleMovingAverage(period);
        averageTrueRange = new AverageTrueRange(period, SmoothingMethod.Simple);
    }

    /// <summary>The number of bars averaged.</summary>
    public int Period { get; }

    /// <summary>The band half-width in average true ranges.</summary>
    public double Multiplier { get; }

    /// <inheritdoc />
    public bool IsReady => middle.IsReady && averageTrueRange.IsReady;

    /// <inheritdoc />
    public int WarmUpPeriod => Period;

    /// <inheritdoc />
    public int Samples { get; private set; }

    /// <summary>The middle line.</summary>
    public double Value => Middle;

    /// <summary>The simple mean of the typical price (0 until ready).</summary>
    public double Middle => middle.Value;

    /// <summary>Middle + multiplier · ATR (0 until ready).</summary>
    public double Upper { get; private set; }

    /// <summary>Middle − multiplier · ATR (0 until ready).</summary>
    public double Lower { get; private set; }

    /// <summary>The simple average true range that sets the width (0 until ready).</summary>
    public double AverageTrueRange => averageTrueRange.Value;

    /// <inheritdoc />
    public void Update(in BarSample bar)
    {
        Samples++;
        middle.Update((bar.High + bar.Low + bar.Close) / 3);
        averageTrueRange.Update(bar);
        if (IsReady)
        {
            var halfWidth = Multiplier * averageTrueRange.Value;
            Upper = middle.Value + halfWidth;
            Lower = middle.Value - halfWidth;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        middle.Reset();
        averageTrueRange.Reset();
        Upper = 0;
        Lower = 0;
    }
}
