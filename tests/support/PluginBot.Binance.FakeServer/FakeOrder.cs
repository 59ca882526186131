using PluginBot.Sdk.Orders;

namespace PluginBot.Binance.FakeServer;

/// <summary>An order on the fake exchange's book or in its history. Changed only by the ledger, under its lock.</summary>
public sealed class FakeOrder
{
    internal FakeOrder(long orderId, string clientOrderId, string symbol, OrderSide side, BinanceOrderKind kind, decimal quantity, decimal price, decimal stopPrice, TimeInForce timeInForce, bool reduceOnly, BinancePositionSide positionSide, DateTime time)
    {
        OrderId = orderId;
        ClientOrderId = clientOrderId;
        Symbol = symbol;
        Side = side;
        Kind = kind;
        Quantity = quantity;
        Price = price;
        StopPrice = stopPrice;
        TimeInForce = timeInForce;
        ReduceOnly = reduceOnly;
        PositionSide = positionSide;
        Time = time;
        UpdateTime = time;
    }

    /// <summary>Exchange id.</summary>
    public long OrderId { get; }

    /// <summary>The client's id.</summary>
    public string ClientOrderId { get; }

    /// <summary>Symbol.</summary>
    public string Symbol { get; }

    /// <summary>Side.</summary>
    public OrderSide Side { get; }

    /// <summary>Type.</summary>
    public BinanceOrderKind Kind { get; }

    /// <summary>Original quantity.</summary>
    public decimal Quantity { get; }

    /// <summary>Limit price, 0 for market kinds.</summary>
    public decimal Price { get; }

    /// <summary>Trigger price, 0 when none.</summary>
    public decimal StopPrice { get; }

    /// <summary>Time in force.</summary>
    public TimeInForce TimeInForce { get; }

    /// <summary>Futures reduce-only flag.</summary>
    public bool ReduceOnly { get; }

    /// <summary>Futures position side.</summary>
    public BinancePositionSide PositionSide { get; }

    /// <summary>Creation time.</summary>
    public DateTime Time { get; }

    /// <summary>Current state.</summary>
    public OrderStatus Status { get; internal set; } = OrderStatus.Accepted;

    /// <summary>Filled quantity.</summary>
    public decimal ExecutedQuantity { get; internal set; }

    /// <summary>Sum of price × quantity over fills.</summary>
    public decimal CumulativeQuote { get; internal set; }

    /// <summary>True once a stop or take-profit order's trigger price was reached.</summary>
    public bool Triggered { get; internal set; }

    /// <summary>Last change.</summary>
    public DateTime UpdateTime { get; internal set; }

    /// <summary>True while on the book.</summary>
    public bool IsOpen => !Status.IsFinal();

    /// <summary>Quantity still to fill.</summary>
    public decimal Remaining => Quantity - ExecutedQuantity;

    internal FakeOrder Copy() => (FakeOrder)MemberwiseClone();
}
