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
    /// <summary>Traded quantity, positive.</summary>
    public decimal Quantity { get; init; } = Quantity > 0 ? Quantity : throw new ArgumentOutOfRangeException(nameof(Quantity), Quantity, "A fill's quantity must be positive.");

    /// <summary>Traded price, positive.</summary>
    public decimal Price { get; init; } = Price > 0 ? Price : throw new ArgumentOutOfRangeException(nameof(Price), Price, "A fill's price must be positive.");

    /// <summary>Fee charged in the quote currency; negative only for a maker rebate.</summary>
    public decimal Fee { get; init; } = Fee;

    /// <summary>Buy or sell.</summary>
    public OrderSide Side { get; init; } = Enum.IsDefined(Side) ? Side : throw new ArgumentOutOfRangeException(nameof(Side), Side, "Unknown order side.");

    /// <summary>The signed change in position: positive for buys.</summary>
    public decimal SignedQuantity => Side == OrderSide.Buy ? Quantity : -Quantity;
}
