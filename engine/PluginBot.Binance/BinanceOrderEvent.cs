using PluginBot.Sdk.Orders;

namespace PluginBot.Binance;

/// <summary>
/// One order event from the user-data stream, spot <c>executionReport</c> or futures <c>ORDER_TRADE_UPDATE</c>,
/// in one shape. A TRADE event carries exactly one execution (<see cref="TradeId"/>, <see cref="LastQuantity"/>,
/// <see cref="LastPrice"/>); <see cref="CumulativeQuantity"/> is the order's total filled after it.
/// </summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="ClientOrderId">Our id (for a cancel, the id of the order cancelled).</param>
/// <param name="OrderId">Binance's id.</param>
/// <param name="ExecutionType">NEW, TRADE, CANCELED, EXPIRED, REJECTED, ...</param>
/// <param name="Status">The order's state after the event.</param>
/// <param name="Side">Side.</param>
/// <param name="Quantity">Original quantity.</param>
/// <param name="CumulativeQuantity">Filled so far.</param>
/// <param name="LastQuantity">This event's execution quantity.</param>
/// <param name="LastPrice">This event's execution price.</param>
/// <param name="Commission">Fee of this execution.</param>
/// <param name="CommissionAsset">Fee asset.</param>
/// <param name="TradeId">Trade id of this execution; -1 (spot) or 0 (futures) when none.</param>
/// <param name="IsMaker">True when the order was resting.</param>
/// <param name="EventTime">When the event happened (transaction time).</param>
/// <param name="Reason">Reject reason for REJECTED events, else null.</param>
public sealed record BinanceOrderEvent(
    string Symbol,
    string ClientOrderId,
    long OrderId,
    string ExecutionType,
    OrderStatus Status,
    OrderSide Side,
    decimal Quantity,
    decimal CumulativeQuantity,
    decimal LastQuantity,
    decimal LastPrice,
    decimal Commission,
    string? CommissionAsset,
    long TradeId,
    bool IsMaker,
    DateTime EventTime,
    string? Reason)
{
    /// <summary>True when this event reports an execution.</summary>
    public bool IsTrade => ExecutionType == "TRADE" && LastQuantity > 0;
}
