using System.Globalization;
using PluginBot.Sdk.Orders;

namespace PluginBot.Binance;

/// <summary>Spelling of enums and numbers on the wire, both directions; shared by the client and the fake server.</summary>
public static class BinanceWireNames
{
    /// <summary>"BUY" or "SELL".</summary>
    public static string Side(OrderSide side) => side == OrderSide.Buy ? "BUY" : "SELL";

    /// <summary>Reads "BUY"/"SELL".</summary>
    public static OrderSide ParseSide(string text) => text switch
    {
        "BUY" => OrderSide.Buy,
        "SELL" => OrderSide.Sell,
        _ => throw new FormatException($"'{text}' is not a Binance order side."),
    };

    /// <summary>The order type name on <paramref name="market"/>.</summary>
    public static string Kind(BinanceOrderKind kind, BinanceMarket market) => (kind, market) switch
    {
        (BinanceOrderKind.Market, _) => "MARKET",
        (BinanceOrderKind.Limit, _) => "LIMIT",
        (BinanceOrderKind.StopMarket, BinanceMarket.Spot) => "STOP_LOSS",
        (BinanceOrderKind.StopLimit, BinanceMarket.Spot) => "STOP_LOSS_LIMIT",
        (BinanceOrderKind.TakeProfitMarket, BinanceMarket.Spot) => "TAKE_PROFIT",
        (BinanceOrderKind.TakeProfitLimit, BinanceMarket.Spot) => "TAKE_PROFIT_LIMIT",
        (BinanceOrderKind.StopMarket, _) => "STOP_MARKET",
        (BinanceOrderKind.StopLimit, _) => "STOP",
        (BinanceOrderKind.TakeProfitMarket, _) => "TAKE_PROFIT_MARKET",
        (BinanceOrderKind.TakeProfitLimit, _) => "TAKE_PROFIT",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown order kind."),
    };

    /// <summary>Reads an order type name of either market; null for types the client never sends.</summary>
    public static BinanceOrderKind? ParseKind(string text, BinanceMarket market) => text switch
    {
        "MARKET" => BinanceOrderKind.Market,
        "LIMIT" => BinanceOrderKind.Limit,
        "STOP_LOSS" or "STOP_MARKET" => BinanceOrderKind.StopMarket,
        "STOP_LOSS_LIMIT" => BinanceOrderKind.StopLimit,
        "STOP" => BinanceOrderKind.StopLimit,
        "TAKE_PROFIT_LIMIT" => BinanceOrderKind.TakeProfitLimit,
        "TAKE_PROFIT_MARKET" => BinanceOrderKind.TakeProfitMarket,
        "TAKE_PROFIT" => market == BinanceMarket.Spot ? BinanceOrderKind.TakeProfitMarket : BinanceOrderKind.TakeProfitLimit,
        _ => null,
    };

    /// <summary>GTC, IOC or FOK.</summary>
    public static string TimeInForce(TimeInForce timeInForce) => timeInForce switch
    {
        Sdk.Orders.TimeInForce.ImmediateOrCancel => "IOC",
        Sdk.Orders.TimeInForce.FillOrKill => "FOK",
        _ => "GTC",
    };

    /// <summary>Reads GTC, IOC or FOK (anything else, such as GTX, as good-till-cancelled).</summary>
    public static TimeInForce ParseTimeInForce(string? text) => text switch
    {
        "IOC" => Sdk.Orders.TimeInForce.ImmediateOrCancel,
        "FOK" => Sdk.Orders.TimeInForce.FillOrKill,
        _ => Sdk.Orders.TimeInForce.GoodTillCancelled,
    };

    /// <summary>BOTH, LONG or SHORT.</summary>
    public static string PositionSide(BinancePositionSide side) => side switch
    {
        BinancePositionSide.Long => "LONG",
        BinancePositionSide.Short => "SHORT",
        _ => "BOTH",
    };

    /// <summary>Reads BOTH, LONG or SHORT.</summary>
    public static BinancePositionSide ParsePositionSide(string? text) => text switch
    {
        "LONG" => BinancePositionSide.Long,
        "SHORT" => BinancePositionSide.Short,
        _ => BinancePositionSide.Both,
    };

    /// <summary>
    /// Binance's order status to the SDK's: NEW → Accepted, PARTIALLY_FILLED, FILLED, CANCELED (and PENDING_CANCEL,
    /// still working) ..., EXPIRED and EXPIRED_IN_MATCH (self-trade prevention) → Expired, REJECTED.
    /// </summary>
    public static OrderStatus ParseStatus(string text) => text switch
    {
        "NEW" or "PENDING_NEW" or "PENDING_CANCEL" => OrderStatus.Accepted,
        "PARTIALLY_FILLED" => OrderStatus.PartiallyFilled,
        "FILLED" => OrderStatus.Filled,
        "CANCELED" => OrderStatus.Cancelled,
        "REJECTED" => OrderStatus.Rejected,
        "EXPIRED" or "EXPIRED_IN_MATCH" => OrderStatus.Expired,
        _ => throw new FormatException($"'{text}' is not a Binance order status."),
    };

    /// <summary>The SDK status spelled the way Binance does.</summary>
    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.PartiallyFilled => "PARTIALLY_FILLED",
        OrderStatus.Filled => "FILLED",
        OrderStatus.Cancelled => "CANCELED",
        OrderStatus.Rejected => "REJECTED",
        OrderStatus.Expired => "EXPIRED",
        _ => "NEW",
    };

    /// <summary>A decimal without exponent or trailing zeros, as Binance accepts it.</summary>
    public static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>Reads a decimal sent as a JSON string.</summary>
    public static decimal ParseNumber(string? text) =>
        string.IsNullOrEmpty(text) ? 0m : decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Unix milliseconds to UTC.</summary>
    public static DateTime FromMilliseconds(long milliseconds) => DateTime.UnixEpoch.AddMilliseconds(milliseconds);

    /// <summary>UTC to Unix milliseconds.</summary>
    public static long ToMilliseconds(DateTime time) => (time.ToUniversalTime().Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
}
