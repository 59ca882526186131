namespace PluginBot.Indicators;

/// <summary>
/// Rolling volume-weighted average price over the last n bars: Σ(price·volume)/Σvolume with price = (open + high +
/// low + close)/4 (Lean's definition). Unlike a session VWAP it never resets at a session boundary, so it works on
/// 24/7 markets. O(1) per bar.
/// </summary>
/// <remarks>When the window holds no volume at all, the value is the latest bar's average price.</remarks>
public sealed class VolumeWeightedAveragePrice : IBarIndicator
{
    private readonly RollingSum priceTimesVolume;
    private readonly RollingSum volume;

    /// <summary>Creates the average over <paramref name="period"/> bars.</summary>
    public VolumeWeightedAveragePrice(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        priceTimesVolume = new RollingSum(period);
        volume = new RollingSum(period);
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
        var price = (bar.Open + bar.High + bar.Low + bar.Close) / 4;
        priceTimesVolume.Add(price * bar.Volume);
        volume.Add(bar.Volume);
        if (IsReady)
        {
            Value = volume.Sum == 0 ? price : priceTimesVolume.Sum / volume.Sum;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        priceTimesVolume.Clear();
        volume.Clear();
        Value = 0;
    }
}
