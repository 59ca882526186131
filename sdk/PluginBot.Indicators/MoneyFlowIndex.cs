namespace PluginBot.Indicators;

/// <summary>
/// Money flow index, a volume-weighted RSI in [0, 100]: 100·positive flow/(positive + negative flow) over the last
/// n bars, where a bar's flow is typical price × volume, counted positive when the typical price
/// (high + low + close)/3 rose from the previous bar and negative when it fell. O(1) per bar.
/// </summary>
/// <remarks>
/// Bar 1 has no previous typical price and so no direction; the index therefore needs n + 1 bars. With no flow in
/// either direction the value is 50 (no pressure either way).
/// </remarks>
public sealed class MoneyFlowIndex : IBarIndicator
{
    private readonly RollingSum positiveFlow;
    private readonly RollingSum negativeFlow;
    private double previousTypicalPrice;

    /// <summary>Creates the index over <paramref name="period"/> bars.</summary>
    public MoneyFlowIndex(int period = 14)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        positiveFlow = new RollingSum(period);
        negativeFlow = new RollingSum(period);
    }

    /// <summary>The number of bar-to-bar flows summed.</summary>
    public int Period { get; }

    /// <inheritdoc />
    public bool IsReady => Samples > Period;

    /// <inheritdoc />
    public int WarmUpPeriod => Period + 1;

    /// <inheritdoc />
    public int Samples { get; private set; }

    /// <inheritdoc />
    public double Value { get; private set; }

    /// <inheritdoc />
    public void Update(in BarSample bar)
    {
        Samples++;
        var typicalPrice = (bar.High + bar.Low + bar.Close) / 3;
        if (Samples > 1)
        {
            var flow = typicalPrice * bar.Volume;
            positiveFlow.Add(typicalPrice > previousTypicalPrice ? flow : 0);
            negativeFlow.Add(typicalPrice < previousTypicalPrice ? flow : 0);
        }

        previousTypicalPrice = typicalPrice;
        if (IsReady)
        {
            var total = positiveFlow.Sum + negativeFlow.Sum;
            Value = total == 0 ? 50 : 100 * positiveFlow.Sum / total;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        positiveFlow.Clear();
        negativeFlow.Clear();
        previousTypicalPrice = 0;
        Value = 0;
    }
}
