namespace PluginBot.Sdk.Orders;

/// <summary>
/// An order as the execution engine sends it to an exchange adapter. Plugins never build these to send
/// themselves: they return decisions, and the engine turns approved decisions into requests.
/// </summary>
public sealed record OrderRequest
{
    /// <summary>Creates a request and checks that the prices its type needs are present.</summary>
    /// <exception cref="ArgumentException">A field is missing or out of range; the message names it.</exception>
    public OrderRequest(
        string clientOrderId,
        string symbol,
        OrderSide side,
        OrderType type,
        decimal quantity,
        decimal? limitPrice = null,
        decimal? stopPrice = null,
        TimeInForce timeInForce = TimeInForce.GoodTillCancelled,
        bool reduceOnly = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientOrderId);
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        if (quantity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Order quantity must be positive.");
        }

        var needsLimit = type is OrderType.Limit or OrderType.StopLimit;
        var needsStop = type is OrderType.StopMarket or OrderType.StopLimit;
        if (needsLimit != limitPrice.HasValue)
        {
            throw new ArgumentException(needsLimit ? $"A {type} order needs a limit price." : $"A {type} order takes no limit price.", nameof(limitPrice));
        }

        if (needsStop != stopPrice.HasValue)
        {
            throw new ArgumentException(needsStop ? $"A {type} order needs a stop price." : $"A {type} order takes no stop price.", nameof(stopPrice));
        }

        if (limitPrice <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limitPrice), limitPrice, "Limit price must be positive.");
        }

        if (stopPrice <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(stopPrice), stopPrice, "Stop price must be positive.");
        }

        ClientOrderId = clientOrderId;
        Symbol = symbol;
        Side = side;
        Type = type;
        Quantity = quantity;
        LimitPrice = limitPrice;
        StopPrice = stopPrice;
        TimeInForce = timeInForce;
        ReduceOnly = reduceOnly;
    }

    /// <summary>Our id for the order; sending the same id twice never creates two orders.</summary>
    public string ClientOrderId { get; }

    /// <summary>The instrument.</summary>
    public string Symbol { get; }

    /// <summary>Buy or sell.</summary>
    public OrderSide Side { get; }

    /// <summary>Market, limit, stop-market or stop-limit.</summary>
    public OrderType Type { get; }

    /// <summary>Quantity in base units, positive.</summary>
    public decimal Quantity { get; }

    /// <summary>Limit price for limit and stop-limit orders.</summary>
    public decimal? LimitPrice { get; }

    /// <summary>Trigger price for stop-market and stop-limit orders.</summary>
    public decimal? StopPrice { get; }

    /// <summary>How long the order works.</summary>
    public TimeInForce TimeInForce { get; }

    /// <summary>When true the order may only shrink a position, never open or grow one.</summary>
    public bool ReduceOnly { get; }

    /// <summary>+1 for buys, −1 for sells: multiply a quantity by it to get a position change.</summary>
    public int Sign => Side == OrderSide.Buy ? 1 : -1;
}
