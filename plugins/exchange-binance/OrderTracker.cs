using PluginBot.Binance;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.Exchange.Binance;

/// <summary>
/// Turns everything Binance says about our orders (REST answers, user-data events, reconciliation queries) into the
/// engine's events, exactly once and in a legal order: a fill is reported once per (symbol, trade id) however often it
/// arrives; fills come before the state that includes them; a state never goes back (an order that is Filled stays
/// Filled when a late NEW arrives). Orders Binance reports that the engine never sent are listed, never adopted.
/// </summary>
internal sealed class OrderTracker
{
    private readonly object gate = new();
    private readonly Dictionary<string, TrackedOrder> byExchangeId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TrackedOrder> byEngineId = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Symbol, long OrderId), TrackedOrder> byOrderId = [];
    private readonly HashSet<(string Symbol, long TradeId)> seenTrades = [];
    private readonly HashSet<string> unknownOrders = new(StringComparer.Ordinal);
    private readonly Func<string, InstrumentRules?> rules;
    private readonly IPluginLogger? logger;
    private IExecutionEventSink? sink;

    public OrderTracker(Func<string, InstrumentRules?> rules, IPluginLogger? logger)
    {
        this.rules = rules;
        this.logger = logger;
    }

    /// <summary>Raised (under the lock) for an order on the account that the engine did not send.</summary>
    public event Action<string>? UnknownOrderFound;

    /// <summary>Symbols whose trade history must be fetched because a state reports fills not seen here.</summary>
    public event Action<string>? TradesMissing;

    public IReadOnlyCollection<string> UnknownOrders
    {
        get
        {
            lock (gate)
            {
                return unknownOrders.ToArray();
            }
        }
    }

    public void Attach(IExecutionEventSink eventSink) => sink = eventSink;

    /// <summary>Registers a new order; false when the engine id was seen before (the order is not sent again).</summary>
    public bool TryRegister(OrderRequest request, out TrackedOrder order)
    {
        lock (gate)
        {
            if (byEngineId.TryGetValue(request.ClientOrderId, out order!))
            {
                return false;
            }

            order = new TrackedOrder(request, ExchangeClientOrderIds.For(request.ClientOrderId));
            byEngineId[request.ClientOrderId] = order;
            byExchangeId[order.ExchangeClientOrderId] = order;
            return true;
        }
    }

    public TrackedOrder? FindByEngineId(string engineId)
    {
        lock (gate)
        {
            return byEngineId.GetValueOrDefault(engineId);
        }
    }

    public IReadOnlyList<TrackedOrder> WorkingOrders()
    {
        lock (gate)
        {
            return byEngineId.Values.Where(order => order.Sent && !order.Status.IsFinal()).ToArray();
        }
    }

    public IReadOnlyCollection<string> Symbols()
    {
        lock (gate)
        {
            return byEngineId.Values.Select(order => order.Request.Symbol).Distinct(StringComparer.Ordinal).ToArray();
        }
    }

    public void Reject(TrackedOrder order, string reason, DateTime time)
    {
        lock (gate)
        {
            order.PendingFinal = null;
            Emit(order, OrderStatus.Rejected, time, reason);
        }
    }

    /// <summary>Applies an order snapshot from a REST answer (new order, cancel, status, open orders).</summary>
    public void ApplySnapshot(BinanceOrder snapshot)
    {
        lock (gate)
        {
            if (!byExchangeId.TryGetValue(snapshot.ClientOrderId, out var order))
            {
                ReportUnknown(snapshot.Symbol, snapshot.ClientOrderId);
                return;
            }

            Link(order, snapshot.Symbol, snapshot.OrderId);
            foreach (var fill in snapshot.Fills)
            {
                AddFill(order, fill);
            }

            ApplyStatus(order, snapshot.Status, snapshot.ExecutedQuantity, null, snapshot.UpdateTime);
        }
    }

    /// <summary>Applies a user-data order event.</summary>
    public void ApplyEvent(BinanceOrderEvent update)
    {
        lock (gate)
        {
            if (!byExchangeId.TryGetValue(update.ClientOrderId, out var order))
            {
                ReportUnknown(update.Symbol, update.ClientOrderId);
                return;
            }

            Link(order, update.Symbol, update.OrderId);
            if (update.IsTrade)
            {
                AddFill(order, new BinanceTrade(update.Symbol, update.TradeId, update.OrderId, update.Side, update.LastPrice, update.LastQuantity, update.Commission, update.CommissionAsset ?? string.Empty, update.IsMaker, update.EventTime));
            }

            ApplyStatus(order, update.Status, update.CumulativeQuantity, update.Reason, update.EventTime);
        }
    }

    /// <summary>Applies a trade from myTrades/userTrades; trades of orders the engine does not know are ignored.</summary>
    public void ApplyTrade(BinanceTrade trade)
    {
        lock (gate)
        {
            if (byOrderId.TryGetValue((trade.Symbol, trade.OrderId), out var order))
            {
                AddFill(order, trade);
            }
        }
    }

    private void Link(TrackedOrder order, string symbol, long orderId)
    {
        order.ExchangeOrderId = orderId;
        byOrderId[(symbol, orderId)] = order;
    }

    private void ReportUnknown(string symbol, string clientOrderId)
    {
        if (unknownOrders.Add($"{symbol}:{clientOrderId}"))
        {
            logger?.Warning($"Binance reports order {clientOrderId} on {symbol} that this engine did not send; it is left alone.");
            UnknownOrderFound?.Invoke($"{symbol}:{clientOrderId}");
        }
    }

    private void AddFill(TrackedOrder order, BinanceTrade trade)
    {
        if (trade.Quantity <= 0 || !seenTrades.Add((trade.Symbol, trade.TradeId)))
        {
            return;
        }

        order.FilledQuantity += trade.Quantity;
        sink?.OnFill(new Fill(
            order.Request.ClientOrderId,
            order.Request.Symbol,
            order.Request.Side,
            trade.Quantity,
            trade.Price,
            FeeInQuote(trade),
            trade.IsMaker ? LiquidityRole.Maker : LiquidityRole.Taker,
            trade.Time,
            trade.TradeId));
        if (order.Status.IsFinal())
        {
            return;
        }

        if (order.FilledQuantity >= order.Request.Quantity)
        {
            order.PendingFinal = null;
            Emit(order, OrderStatus.Filled, trade.Time, null);
        }
        else if (order.PendingFinal is { } pending && order.FilledQuantity >= pending.Cumulative)
        {
            order.PendingFinal = null;
            Emit(order, pending.Status, pending.Time, pending.Reason);
        }
        else
        {
            Emit(order, OrderStatus.PartiallyFilled, trade.Time, null);
        }
    }

    private void ApplyStatus(TrackedOrder order, OrderStatus status, decimal cumulative, string? reason, DateTime time)
    {
        if (order.Status.IsFinal())
        {
            return;
        }

        switch (status)
        {
            case OrderStatus.Accepted when order.Status == OrderStatus.PendingSubmit:
                Emit(order, OrderStatus.Accepted, time, null);
                break;
            case OrderStatus.PartiallyFilled when order.Status == OrderStatus.PendingSubmit:
                Emit(order, OrderStatus.Accepted, time, null);
                break;
            case OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Expired or OrderStatus.Rejected:
                if (cumulative <= order.FilledQuantity)
                {
                    order.PendingFinal = null;
                    Emit(order, status, time, reason ?? (status == OrderStatus.Filled ? null : Describe(status)));
                }
                else
                {
                    order.PendingFinal = (status, cumulative, reason ?? Describe(status), time);
                    TradesMissing?.Invoke(order.Request.Symbol);
                }

                break;
        }
    }

    private static string? Describe(OrderStatus status) => status switch
    {
        OrderStatus.Cancelled => "cancelled on Binance",
        OrderStatus.Expired => "expired on Binance (time in force or self-trade prevention)",
        OrderStatus.Rejected => "rejected by Binance",
        _ => null,
    };

    private void Emit(TrackedOrder order, OrderStatus status, DateTime time, string? reason)
    {
        if (order.Status.IsFinal() || (status == order.Status && status != OrderStatus.PartiallyFilled))
        {
            return;
        }

        if (order.Status == OrderStatus.PendingSubmit && status != OrderStatus.Accepted && status != OrderStatus.Rejected)
        {
            // The engine's state machine expects acknowledgement before progress.
            order.Status = OrderStatus.Accepted;
            sink?.OnOrderUpdate(new OrderUpdate(order.Request.ClientOrderId, OrderStatus.Accepted, time, 0m));
        }

        order.Status = status;
        sink?.OnOrderUpdate(new OrderUpdate(order.Request.ClientOrderId, status, time, order.FilledQuantity, reason));
    }

    private decimal FeeInQuote(BinanceTrade trade)
    {
        var quote = rules(trade.Symbol)?.QuoteCurrency;
        if (quote is not null && trade.CommissionAsset == quote)
        {
            return trade.Commission;
        }

        if (trade.Symbol.StartsWith(trade.CommissionAsset, StringComparison.Ordinal) && trade.CommissionAsset.Length > 0)
        {
            return trade.Commission * trade.Price;
        }

        // Fees in a third asset (BNB) cannot be valued without its price; the engine sees zero rather than a wrong number.
        return 0m;
    }
}
