namespace PluginBot.Indicators;

/// <summary>
/// The Hurst exponent of the last n prices, estimated from how the dispersion of lagged differences grows with the
/// lag: the slope of ln σ(lag) against ln lag for lags 2..maximum lag, where σ(lag) is the population standard
/// deviation of price[t] − price[t − lag] over the window. About 0.5 for a random walk, above for trending
/// (persistent) and below for mean-reverting series — a regime feature.
/// </summary>
/// <remarks>
/// O(maximum lag) per sample, independent of the window length: each lag keeps a sliding, numerically stable
/// variance of its own differences (n − lag of them), updated with the newcomer price[t] − price[t − lag]. The
/// regression's x values are fixed, so the slope is a weighted sum of the ln σ values with precomputed weights.
/// Ready at sample n. When some lag shows no variation at all (flat prices) the exponent is undefined and the value
/// is 0.5, the no-memory answer, rather than NaN.
/// </remarks>
public sealed class HurstExponent : IValueIndicator
{
    private const int MinimumLag = 2;
    private readonly RollingWindow<double> prices;
    private readonly RollingMoments[] differences;
    private readonly double[] slopeWeights;

    /// <summary>Creates the estimator over <paramref name="period"/> prices using lags 2..<paramref name="maximumLag"/>.</summary>
    public HurstExponent(int period, int maximumLag = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumLag, MinimumLag + 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, maximumLag + 2);
        Period = period;
        MaximumLag = maximumLag;
        prices = new RollingWindow<double>(period);
        var lagCount = maximumLag - MinimumLag + 1;
        differences = new RollingMoments[lagCount];
        slopeWeights = new double[lagCount];
        var meanLogLag = 0.0;
        for (var index = 0; index < lagCount; index++)
        {
            differences[index] = new RollingMoments(period - (MinimumLag + index));
            meanLogLag += Math.Log(MinimumLag + index);
        }

        meanLogLag /= lagCount;
        var spread = 0.0;
        for (var index = 0; index < lagCount; index++)
        {
            var centred = Math.Log(MinimumLag + index) - meanLogLag;
            slopeWeights[index] = centred;
            spread += centred * centred;
        }

        for (var index = 0; index < lagCount; index++)
        {
            slopeWeights[index] /= spread;
        }
    }

    /// <summary>The number of prices in the window.</summary>
    public int Period { get; }

    /// <summary>The largest lag in the regression.</summary>
    public int MaximumLag { get; }

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
        for (var index = 0; index < differences.Length; index++)
        {
            // prices[lag − 1] is, before the newcomer is added, the price lag samples before it.
            var lag = MinimumLag + index;
            if (prices.Count >= lag)
            {
                differences[index].Add(value - prices[lag - 1]);
            }
        }

        prices.Add(value);
        if (!IsReady)
        {
            return;
        }

        // Centred weights sum to zero, so the slope needs no mean of the y values.
        var slope = 0.0;
        for (var index = 0; index < differences.Length; index++)
        {
            var variance = differences[index].Variance;
            if (variance <= 0)
            {
                Value = 0.5;
                return;
            }

            slope += slopeWeights[index] * 0.5 * Math.Log(variance);
        }

        Value = slope;
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        prices.Clear();
        foreach (var moments in differences)
        {
            moments.Clear();
        }

        Value = 0;
    }
}
