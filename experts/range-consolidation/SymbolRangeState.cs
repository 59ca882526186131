using PluginBot.Indicators;

namespace PluginBot.Experts.RangeConsolidation;

/// <summary>The range, volatility and trend measures of one symbol.</summary>
internal sealed class SymbolRangeState(RangeConsolidationOptions options)
{
    private readonly AverageTrueRange averageTrueRange = new(options.VolatilityPeriod);

    public DonchianChannels Range { get; } = new(options.RangePeriod);

    public SimpleMovingAverage AverageVolatility { get; } = new(options.VolatilityHistory);

    public AverageDirectionalIndex Strength { get; } = new(options.TrendPeriod);

    /// <summary>The average true range as a fraction of the latest close (0 until ready).</summary>
    public double Volatility { get; private set; }

    public bool IsReady => Range.IsReady && AverageVolatility.IsReady && Strength.IsReady;

    public void Update(in BarSample bar)
    {
        averageTrueRange.Update(bar);
        Range.Update(bar);
        Strength.Update(bar);
        if (averageTrueRange.IsReady)
        {
            Volatility = averageTrueRange.Value / bar.Close;
            AverageVolatility.Update(Volatility);
        }
    }
}
