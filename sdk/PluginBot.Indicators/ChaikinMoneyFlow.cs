namespace PluginBot.Indicators;

/// <summary>
/// Chaikin money flow: Σ(money-flow volume)/Σvolume over n bars, in [−1, 1], where a bar's money-flow volume is its
/// volume times the close location value ((close − low) − (high − close))/(high − low). Positive when closes sit
/// near the highs on volume (accumulation). O(1) per bar.
/// </summary>
/// <remarks>A bar with no range contributes no money flow; a window with no volume yields 0.</remarks>
public sealed class ChaikinMoneyFlow : IBarIndicator
{
    private readonly RollingSum moneyFlowVolume;
    private readonly RollingSum volume;

    /// <summary>Creates the indicator over <paramref name="period"/> bars.</summary>
    public ChaikinMoneyFlow(int period = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        moneyFlowVolume = new RollingSum(period);
        volume = new RollingSum(period);
    }

    /// <summary>The number of bars summed.</summary>
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
        var range = bar.High - bar.Low;
        var closeLocation = range == 0 ? 0 : ((bar.Close - bar.Low) - (bar.High - bar.Close)) / range;
        moneyFlowVolume.Add(closeLocation * bar.Volume);
        volume.Add(bar.Volume);
        if (IsReady)
        {
            Value = volume.Sum == 0 ? 0 : moneyFlowVolume.Sum / volume.Sum;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        moneyFlowVolume.Clear();
        volume.Clear();
        Value = 0;
    }
}
