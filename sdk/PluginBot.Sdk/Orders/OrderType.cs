namespace PluginBot.Sdk.Orders;

/// <summary>How an order trades.</summary>
public enum OrderType
{
    /// <summary>Trades at once at the best available price.</summary>
    Market = 1,

    /// <summary>Trades only at the limit price or better.</summary>
    Limit = 2,

    /// <summary>Becomes a market order when the price touches the stop price.</summary>
    StopMarket = 3,

    /// <summary>Becomes a limit order when the price touches the stop price.</summary>
    StopLimit = 4,
}
