namespace PluginBot.Indicators;

/// <summary>
/// Linearly weighted moving average: over the last n samples the oldest has weight 1 and the newest weight n,
/// divided by n(n+1)/2. It reacts faster than a simple mean without the infinite memory of an exponential one.
/// </summary>
/// <remarks>
/// O(1) per sample: when the window slides every weight drops by one, so the weighted sum becomes
/// weighted − (plain sum before the slide) + n·newest. The weighted sum is recomputed exactly once per n samples
/// (amortised O(1)) so the subtraction cannot accumulate rounding error.
/// </remarks>
public sealed class WeightedMovingAverage : IValueIndicator
{
    private readonly RollingWindow<double> window;
    private readonly double weightTotal;
    private double plainSum;
    private double weightedSum;
    private int updatesSinceResync;

    /// <summary>Creates the average over <paramref name="period"/> samples.</summary>
    public WeightedMovingAverage(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        window = new RollingWindow<double>(period);
        weightTotal = period * (period + 1) / 2.0;
    }

    /// <summary>The number of samples averaged.</summary>
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
    public void Update(double value)
    {
        Samples++;
        if (window.IsFull)
        {
            weightedSum += (Period * value) - plainSum;
        }
        else
        {
            // While filling, the k-th sample enters with weight k; at the n-th sample the weights are 1..n.
            weightedSum += (window.Count + 1) * value;
        }

        window.Add(value, out var evicted);
        plainSum += value - evicted;
        updatesSinceResync++;
        if (updatesSinceResync >= Period)
        {
            Resync();
        }

        if (IsReady)
        {
            Value = weightedSum / weightTotal;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        window.Clear();
        plainSum = 0;
        weightedSum = 0;
        updatesSinceResync = 0;
        Value = 0;
    }

    private void Resync()
    {
        var plain = 0.0;
        var weighted = 0.0;
        var count = window.Count;
        for (var ago = 0; ago < count; ago++)
        {
            var sample = window[ago];
            plain += sample;
            weighted += (count - ago) * sample;
        }

        plainSum = plain;
        weightedSum = weighted;
        updatesSinceResync = 0;
    }
}
