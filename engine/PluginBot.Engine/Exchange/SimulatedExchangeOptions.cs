namespace PluginBot.Engine.Exchange;

/// <summary>How the simulated exchange charges, slips, delays and limits orders.</summary>
public sealed record SimulatedExchangeOptions
{
    /// <summary>Maker and taker fees; Binance spot's 0.1 % by default.</summary>
    public FeeSchedule Fees { get; init; } = FeeSchedule.BinanceSpotDefault;

    /// <summary>Slippage of market and stop-market fills; none by default.</summary>
    public ISlippageModel Slippage { get; init; } = FixedBasisPointsSlippage.None;

    /// <summary>Time from sending an order to its arrival at the exchange; an order can only fill on a bar that starts at or after its arrival.</summary>
    public TimeSpan Latency
    {
        get;
        init => field = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(Latency), value, "Latency must not be negative.");
    }

    /// <summary>When false (a spot cash account) a sell may not exceed the position held.</summary>
    public bool AllowShortSelling { get; init; }

    /// <summary>Largest gross exposure as a multiple of equity after a fill that adds exposure; 1 means no borrowing.</summary>
    public decimal MaximumLeverage
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaximumLeverage), value, "Leverage must be positive.");
    } = 1m;
}
