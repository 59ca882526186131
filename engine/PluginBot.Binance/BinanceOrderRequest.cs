using PluginBot.Sdk.Orders;

namespace PluginBot.Binance;

/// <summary>A new-order request in Binance's terms. The client order id is required: it is what makes resending safe.</summary>
/// <param name="Symbol">Exchange symbol, for example BTCUSDT.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Kind">Order type.</param>
/// <param name="Quantity">Base quantity.</param>
/// <param name="ClientOrderId">Our id (newClientOrderId), 1-36 characters of <c>[.A-Za-z0-9:/_-]</c>.</param>
/// <param name="Price">Limit price for limit kinds.</param>
/// <param name="StopPrice">Trigger price for stop and take-profit kinds.</param>
/// <param name="TimeInForce">For limit kinds.</param>
/// <param name="ReduceOnly">Futures only: may only shrink the position.</param>
/// <param name="PositionSide">Futures only: the hedge-mode leg, or BOTH.</param>
public sealed record BinanceOrderRequest(
    string Symbol,
    OrderSide Side,
    BinanceOrderKind Kind,
    decimal Quantity,
    string ClientOrderId,
    decimal? Price = null,
    decimal? StopPrice = null,
    TimeInForce TimeInForce = TimeInForce.GoodTillCancelled,
    bool ReduceOnly = false,
    BinancePositionSide PositionSide = BinancePositionSide.Both);
