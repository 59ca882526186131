using PluginBot.Sdk.Orders;

namespace PluginBot.Binance;

/// <summary>An order as Binance reports it (new-order answer, cancel answer, order status, open orders).</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="OrderId">Binance's id.</param>
/// <param name="ClientOrderId">Our id.</param>
/// <param name="Status">The state, in SDK terms.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Kind">Order type, or null for a type this client does not send (the order may be someone else's).</param>
/// <param name="Quantity">Original quantity.</param>
/// <param name="ExecutedQuantity">Quantity filled so far.</param>
/// <param name="Price">Limit price (0 for market orders).</param>
/// <param name="StopPrice">Trigger price (0 when none).</param>
/// <param name="UpdateTime">When Binance last changed it.</param>
/// <param name="Fills">Spot FULL answers list the trades; empty otherwise.</param>
public sealed record BinanceOrder(
    string Symbol,
    long OrderId,
    string ClientOrderId,
    OrderStatus Status,
    OrderSide Side,
    BinanceOrderKind? Kind,
    decimal Quantity,
    decimal ExecutedQuantity,
    decimal Price,
    decimal StopPrice,
    DateTime UpdateTime,
    IReadOnlyList<BinanceTrade> Fills);
