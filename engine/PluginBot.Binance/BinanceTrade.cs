using PluginBot.Sdk.Orders;

namespace PluginBot.Binance;

/// <summary>One of our executions (myTrades, userTrades, a FULL order answer or a user-data event).</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="TradeId">Binance's trade id; unique per symbol, which is what de-duplication keys on.</param>
/// <param name="OrderId">Binance's order id.</param>
/// <param name="Side">Our side.</param>
/// <param name="Price">Traded price.</param>
/// <param name="Quantity">Traded base quantity.</param>
/// <param name="Commission">Fee charged.</param>
/// <param name="CommissionAsset">Asset the fee was charged in.</param>
/// <param name="IsMaker">True when our order was resting.</param>
/// <param name="Time">Execution time.</param>
public sealed record BinanceTrade(
    string Symbol,
    long TradeId,
    long OrderId,
    OrderSide Side,
    decimal Price,
    decimal Quantity,
    decimal Commission,
    string CommissionAsset,
    bool IsMaker,
    DateTime Time);
