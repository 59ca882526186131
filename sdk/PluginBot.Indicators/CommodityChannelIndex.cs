namespace PluginBot.Indicators;

/// <summary>
/// Lambert's commodity channel index: (typical price − its n-bar mean)/(0.015 · mean absolute deviation), where
/// typical price = (high + low + close)/3. The constant 0.015 puts roughly 70–80 % of values inside ±100.
/// </summary>
/// <remarks>
/// O(n) per bar, unavoidably: the mean absolute deviation is measured from the current mean, and every deviation
/// changes when the mean moves, so it cannot be updated incrementally. The mean itself is O(1). When the deviation
/// is 0 (a flat window) the index is 0.
/// </remarks>
public sealed class CommodityChannelIndex : IBarIndicator
{
    private const double LambertConstant = 0.015;
    private readonly RollingSum typicalPrices;

    /// <summary>Creates the index over <paramref name="period"/> bars.</summary>
    public CommodityChannelIndex(int period = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        typicalPrices = new RollingSum(period);
    }

    /// <summary>The number of bars in the window.</summary>
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
    public void Update(in BarSample bar)
    {
        Samples++;
        var typicalPrice = (bar.High + bar.Low + bar.Close) / 3;
        typicalPrices.Add(typicalPrice);
        if (!IsReady)
        {
            return;
        }

        var mean = typicalPrices.Sum / Period;
        var window = typicalPrices.Window;
        var absoluteDeviations = 0.0;
        for (var ago = 0; ago < Period; ago++)
        {
            absoluteDeviations += Math.Abs(window[ago] - mean);
        }

        var meanDeviation = absoluteDeviations / Period;
        Value = meanDeviation == 0 ? 0 : (typicalPrice - mean) / (LambertConstant * meanDeviation);
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        typicalPrices.Clear();
        Value = 0;
    }
}
