namespace PluginBot.Indicators;

/// <summary>
/// Mean and population variance of the last n values in O(1) per value.
/// </summary>
/// <remarks>
/// The textbook running-sums form (Σx², Σx) subtracts two large, nearly equal numbers: for prices around 40,000
/// with a variance of 1 it loses almost every significant digit (catastrophic cancellation). This type instead keeps
/// the mean and the sum of squared deviations (M2) and updates them with Welford's recurrence, extended to a sliding
/// window: replacing x_old by x_new moves the mean by (x_new − x_old)/n and M2 by
/// (x_new − x_old)·(x_new − mean_new + x_old − mean_old), which only ever multiplies deviations from the mean.
/// Once per full turn of the window both are recomputed exactly with a two-pass sum (amortised O(1)) so rounding
/// residue cannot accumulate over long runs.
/// </remarks>
internal sealed class RollingMoments
{
    private readonly RollingWindow<double> window;
    private double sumOfSquaredDeviations;
    private double shift;
    private double shiftedMean;
    private int addsSinceResync;

    public RollingMoments(int period)
    {
        window = new RollingWindow<double>(period);
    }

    public RollingWindow<double> Window => window;

    public int Count => window.Count;

    public bool IsFull => window.IsFull;

    public double Mean => shift + shiftedMean;

    /// <summary>Population variance (divides by n); 0 when empty.</summary>
    public double Variance => window.Count == 0 ? 0 : Math.Max(0, sumOfSquaredDeviations / window.Count);

    public void Add(double value)
    {
        if (window.Count == 0)
        {
            shift = value;
        }

        var shifted = value - shift;
        if (window.Add(value, out var evicted))
        {
            var shiftedEvicted = evicted - shift;
            var oldMean = shiftedMean;
            shiftedMean = oldMean + ((shifted - shiftedEvicted) / window.Count);
            sumOfSquaredDeviations += (shifted - shiftedEvicted) * (shifted - shiftedMean + shiftedEvicted - oldMean);
        }
        else
        {
            var delta = shifted - shiftedMean;
            shiftedMean += delta / window.Count;
            sumOfSquaredDeviations += delta * (shifted - shiftedMean);
        }

        addsSinceResync++;
        if (addsSinceResync >= window.Capacity)
        {
            Resync();
        }
    }

    public void Clear()
    {
        window.Clear();
        shift = 0;
        shiftedMean = 0;
        sumOfSquaredDeviations = 0;
        addsSinceResync = 0;
    }

    private void Resync()
    {
        var count = window.Count;
        var sum = 0.0;
        for (var ago = 0; ago < count; ago++)
        {
            sum += window[ago];
        }

        var mean = sum / count;
        var squares = 0.0;
        var residual = 0.0;
        for (var ago = 0; ago < count; ago++)
        {
            var deviation = window[ago] - mean;
            squares += deviation * deviation;
            residual += deviation;
        }

        // The residual corrects the mean's own rounding (the corrected two-pass algorithm).
        shift = mean;
        shiftedMean = residual / count;
        sumOfSquaredDeviations = squares - (residual * residual / count);
        addsSinceResync = 0;
    }
}
