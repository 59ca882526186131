namespace PluginBot.Sdk.Orders;

/// <summary>One execution of (part of) one of our orders.</summary>
/// <param name="ClientOrderId">The order that traded.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Traded quantity, positive.</param>
/// <param name="Price">Traded price, slippage included.</param>
/// <param name="Fee">Fee charged, in the quote currency.</param>
/// <param name="Liquidity">Maker or taker.</param>
/// <param name="Time">UTC time of the execution.</param>
/// <param name="TradeId">The exchange's id of the execution; with the order id it makes a fill unique.</param>
public sealed record Fill(
    string ClientOrderId,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    decimal Price,
    decimal Fee,
    LiquidityRole Liquidity,
    DateTime Time,
    long TradeId)
{
    /// <summary>The signed change in position: positive for buys.</summary>
    public decimal SignedQuantity => Side == OrderSide.Buy ? Quantity : -Quantity;
}
