using PluginBot.Sdk.Orders;

namespace PluginBot.Server.Contracts;

/// <summary>One order of a strategy with its latest state.</summary>
/// <param name="Strategy">The strategy that sent it.</param>
/// <param name="ClientOrderId">Our id for it.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Market, limit, stop-market or stop-limit.</param>
/// <param name="Quantity">Ordered quantity.</param>
/// <param name="FilledQuantity">Quantity filled so far.</param>
/// <param name="LimitPrice">Limit price, for limit orders.</param>
/// <param name="Status">Latest state.</param>
/// <param name="SentTime">When the engine sent it.</param>
/// <param name="Reason">Why it was rejected, cancelled or expired.</param>
public sealed record OrderSummary(
    string Strategy,
    string ClientOrderId,
    string Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    decimal FilledQuantity,
    decimal? LimitPrice,
    OrderStatus Status,
    DateTime SentTime,
    string? Reason = null);
