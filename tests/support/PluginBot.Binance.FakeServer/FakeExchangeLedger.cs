using System.Net;
using PluginBot.Sdk.Orders;

namespace PluginBot.Binance.FakeServer;

/// <summary>
/// The fake exchange's books: balances, futures positions, orders and trades, and the matching that moves them. It is
/// the truth tests compare the adapter against. Matching is deliberately simple: market orders and orders that cross
/// fill at the price the test set (taker), resting orders fill at their limit when the test moves the price through it
/// (maker), stops and take-profits trigger on the set price. Every change is reported, in order, to the user streams.
/// </summary>
public sealed class FakeExchangeLedger
{
    private readonly object gate = new();
    private readonly FakeServerOptions options;
    private readonly Dictionary<string, FakeSymbol> symbols;
    private readonly Dictionary<string, decimal> balances;
    private readonly Dictionary<(string Symbol, BinancePositionSide Side), (decimal Quantity, decimal Entry)> positions = [];
    private readonly List<FakeOrder> orders = [];
    private readonly Dictionary<string, List<FakeOrder>> ordersByClientId = new(StringComparer.Ordinal);
    private readonly List<FakeTrade> trades = [];
    private readonly Dictionary<string, decimal> prices = new(StringComparer.Ordinal);
    private long nextOrderId = 1000;
    private long nextTradeId = 5000;

    internal FakeExchangeLedger(FakeServerOptions options)
    {
        this.options = options;
        symbols = options.Symbols.ToDictionary(symbol => symbol.Symbol, StringComparer.Ordinal);
        balances = new Dictionary<string, decimal>(options.InitialBalances, StringComparer.Ordinal);
    }

    /// <summary>Raised under the ledger's lock for every order change: the order's state after it, the trade if one happened, and Binance's execution type.</summary>
    internal event Action<FakeOrder, FakeTrade?, string>? OrderChanged;

    /// <summary>Listed symbols.</summary>
    public IReadOnlyCollection<FakeSymbol> Symbols => symbols.Values;

    /// <summary>Copies of every order ever accepted.</summary>
    public IReadOnlyList<FakeOrder> Orders
    {
        get
        {
            lock (gate)
            {
                return orders.Select(order => order.Copy()).ToArray();
            }
        }
    }

    /// <summary>Every trade so far.</summary>
    public IReadOnlyList<FakeTrade> Trades
    {
        get
        {
            lock (gate)
            {
                return trades.ToArray();
            }
        }
    }

    /// <summary>Balances per asset.</summary>
    public IReadOnlyDictionary<string, decimal> Balances
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, decimal>(balances, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Non-zero futures positions.</summary>
    public IReadOnlyList<FakePosition> Positions
    {
        get
        {
            lock (gate)
            {
                return positions.Where(pair => pair.Value.Quantity != 0)
                    .Select(pair => new FakePosition(pair.Key.Symbol, pair.Key.Side, pair.Value.Quantity, pair.Value.Entry))
                    .ToArray();
            }
        }
    }

    /// <summary>Sets the market price of <paramref name="symbol"/> and fills every resting or triggered order it reaches.</summary>
    public void SetPrice(string symbol, decimal price)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(price, 0m);
        lock (gate)
        {
            prices[symbol] = price;
            foreach (var order in orders.Where(order => order.Symbol == symbol && order.IsOpen).ToArray())
            {
                Match(order, price, resting: true, Now);
            }
        }
    }

    /// <summary>Opens an order directly, as if placed by another tool on the same account (web UI, another bot).</summary>
    public FakeOrder PlaceForeignOrder(string symbol, OrderSide side, decimal quantity, decimal price, string clientOrderId)
    {
        var result = Place(new BinanceOrderRequest(symbol, side, BinanceOrderKind.Limit, quantity, clientOrderId, price), Now);
        return result.Order ?? throw new InvalidOperationException(result.Rejection!.Message);
    }

    internal DateTime Now => options.Clock.UtcNow.UtcDateTime;

    internal FakeOrder? Find(string symbol, string clientOrderId)
    {
        lock (gate)
        {
            return ordersByClientId.TryGetValue(clientOrderId, out var list) ? list.LastOrDefault(order => order.Symbol == symbol)?.Copy() : null;
        }
    }

    internal IReadOnlyList<FakeOrder> OpenOrders(string? symbol)
    {
        lock (gate)
        {
            return orders.Where(order => order.IsOpen && (symbol is null || order.Symbol == symbol)).Select(order => order.Copy()).ToArray();
        }
    }

    internal IReadOnlyList<FakeTrade> TradesOf(string symbol, long? fromId, int limit)
    {
        lock (gate)
        {
            var selected = trades.Where(trade => trade.Symbol == symbol);
            selected = fromId is { } from ? selected.Where(trade => trade.TradeId >= from) : selected.TakeLast(limit);
            return selected.Take(limit).ToArray();
        }
    }

    internal (FakeOrder? Order, FakeRejection? Rejection, IReadOnlyList<FakeTrade> Fills) Place(BinanceOrderRequest request, DateTime now)
    {
        lock (gate)
        {
            if (!symbols.TryGetValue(request.Symbol, out var symbol))
            {
                return (null, new FakeRejection(HttpStatusCode.BadRequest, -1121, "Invalid symbol."), []);
            }

            if (ordersByClientId.TryGetValue(request.ClientOrderId, out var same)
                && (options.Market == BinanceMarket.UsdFutures || same.Any(order => order.IsOpen)))
            {
                // Spot refuses a client id only while an order with it is open; futures refuse any reuse.
                return (null, options.Market == BinanceMarket.Spot
                    ? new FakeRejection(HttpStatusCode.BadRequest, -2010, "Duplicate order sent.")
                    : new FakeRejection(HttpStatusCode.BadRequest, -4116, "ClientOrderId is duplicated."), []);
            }

            var problem = CheckFilters(request, symbol);
            if (problem is not null)
            {
                return (null, problem, []);
            }

            var market = prices.TryGetValue(request.Symbol, out var current) ? current : 0m;
            if (request.Kind == BinanceOrderKind.Market && market == 0m)
            {
                return (null, FakeRejection.Filter("no market price is set for this symbol"), []);
            }

            var estimate = request.Price ?? (market > 0 ? market : request.StopPrice ?? 0m);
            if (!CanAfford(request.Symbol, request.Side, request.Quantity, estimate, request.ReduceOnly, request.PositionSide))
            {
                return (null, request.ReduceOnly
                    ? new FakeRejection(HttpStatusCode.BadRequest, -2022, "ReduceOnly Order is rejected.")
                    : FakeRejection.InsufficientBalance, []);
            }

            var order = new FakeOrder(nextOrderId++, request.ClientOrderId, request.Symbol, request.Side, request.Kind, request.Quantity, request.Price ?? 0m, request.StopPrice ?? 0m, request.TimeInForce, request.ReduceOnly, request.PositionSide, now);
            orders.Add(order);
            if (!ordersByClientId.TryGetValue(order.ClientOrderId, out var list))
            {
                ordersByClientId[order.ClientOrderId] = list = [];
            }

            list.Add(order);
            var tradeCountBefore = trades.Count;
            OrderChanged?.Invoke(order.Copy(), null, "NEW");
            if (market > 0)
            {
                Match(order, market, resting: false, now);
            }

            if (order.IsOpen && order.Kind is BinanceOrderKind.Limit && order.TimeInForce != TimeInForce.GoodTillCancelled)
            {
                Finish(order, OrderStatus.Expired, "EXPIRED", now);
            }

            return (order.Copy(), null, trades.Skip(tradeCountBefore).Where(trade => trade.OrderId == order.OrderId).ToArray());
        }
    }

    internal (FakeOrder? Order, FakeRejection? Rejection) Cancel(string symbol, string clientOrderId, DateTime now)
    {
        lock (gate)
        {
            var order = ordersByClientId.TryGetValue(clientOrderId, out var list) ? list.LastOrDefault(candidate => candidate.Symbol == symbol) : null;
            if (order is null || !order.IsOpen)
            {
                return (null, FakeRejection.UnknownOrder);
            }

            Finish(order, OrderStatus.Cancelled, "CANCELED", now);
            return (order.Copy(), null);
        }
    }

    private FakeRejection? CheckFilters(BinanceOrderRequest request, FakeSymbol symbol)
    {
        if (request.Quantity < symbol.MinimumQuantity || request.Quantity % symbol.StepSize != 0)
        {
            return FakeRejection.Filter("LOT_SIZE");
        }

        if ((request.Price is { } price && price % symbol.TickSize != 0) || (request.StopPrice is { } stop && stop % symbol.TickSize != 0))
        {
            return FakeRejection.Filter("PRICE_FILTER");
        }

        var reference = request.Price ?? request.StopPrice ?? (prices.TryGetValue(request.Symbol, out var market) ? market : 0m);
        return reference > 0 && reference * request.Quantity < symbol.MinimumNotional ? FakeRejection.Filter("NOTIONAL") : null;
    }

    private bool CanAfford(string symbolName, OrderSide side, decimal quantity, decimal price, bool reduceOnly, BinancePositionSide positionSide)
    {
        var symbol = symbols[symbolName];
        if (options.Market == BinanceMarket.Spot)
        {
            return side == OrderSide.Buy
                ? Balance(symbol.QuoteAsset) >= quantity * price * (1 + options.FeeRate)
                : Balance(symbol.BaseAsset) >= quantity;
        }

        if (reduceOnly)
        {
            var held = positions.TryGetValue((symbolName, positionSide), out var position) ? position.Quantity : 0m;
            var change = side == OrderSide.Buy ? quantity : -quantity;
            return held != 0 && Math.Sign(change) != Math.Sign(held) && Math.Abs(change) <= Math.Abs(held);
        }

        return Balance(symbol.QuoteAsset) >= quantity * price * options.FeeRate;
    }

    private decimal Balance(string asset) => balances.TryGetValue(asset, out var value) ? value : 0m;

    private void Match(FakeOrder order, decimal market, bool resting, DateTime now)
    {
        if (!order.Triggered && order.Kind is not (BinanceOrderKind.Market or BinanceOrderKind.Limit))
        {
            var stopKind = order.Kind is BinanceOrderKind.StopMarket or BinanceOrderKind.StopLimit;
            var rising = order.Side == OrderSide.Buy == stopKind;
            if (rising ? market < order.StopPrice : market > order.StopPrice)
            {
                return;
            }

            order.Triggered = true;
            resting = false;
        }

        decimal fillPrice;
        if (order.Kind is BinanceOrderKind.Market or BinanceOrderKind.StopMarket or BinanceOrderKind.TakeProfitMarket)
        {
            fillPrice = market;
        }
        else
        {
            var crosses = order.Side == OrderSide.Buy ? market <= order.Price : market >= order.Price;
            if (!crosses)
            {
                return;
            }

            fillPrice = resting ? order.Price : market;
        }

        if (!CanAfford(order.Symbol, order.Side, order.Remaining, fillPrice, order.ReduceOnly, order.PositionSide))
        {
            Finish(order, OrderStatus.Expired, "EXPIRED", now);
            return;
        }

        var step = symbols[order.Symbol].StepSize;
        var first = options.SplitFills ? Math.Floor(order.Remaining * 0.6m / step) * step : order.Remaining;
        if (first > 0 && first < order.Remaining)
        {
            Execute(order, first, fillPrice, resting, now);
        }

        Execute(order, order.Remaining, fillPrice, resting, now);
    }

    private void Execute(FakeOrder order, decimal quantity, decimal price, bool maker, DateTime now)
    {
        var symbol = symbols[order.Symbol];
        var notional = quantity * price;
        var fee = notional * options.FeeRate;
        var realized = 0m;
        if (options.Market == BinanceMarket.Spot)
        {
            var sign = order.Side == OrderSide.Buy ? 1 : -1;
            balances[symbol.BaseAsset] = Balance(symbol.BaseAsset) + (sign * quantity);
            balances[symbol.QuoteAsset] = Balance(symbol.QuoteAsset) - (sign * notional) - fee;
        }
        else
        {
            realized = ApplyToPosition(order, quantity, price);
            balances[symbol.QuoteAsset] = Balance(symbol.QuoteAsset) + realized - fee;
        }

        order.ExecutedQuantity += quantity;
        order.CumulativeQuote += notional;
        order.UpdateTime = now;
        order.Status = order.Remaining == 0 ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        var trade = new FakeTrade(order.Symbol, nextTradeId++, order.OrderId, order.ClientOrderId, order.Side, price, quantity, fee, symbol.QuoteAsset, maker, now, realized);
        trades.Add(trade);
        OrderChanged?.Invoke(order.Copy(), trade, "TRADE");
    }

    private decimal ApplyToPosition(FakeOrder order, decimal quantity, decimal price)
    {
        var key = (order.Symbol, order.PositionSide);
        var (held, entry) = positions.TryGetValue(key, out var position) ? position : (0m, 0m);
        var change = order.Side == OrderSide.Buy ? quantity : -quantity;
        var realized = 0m;
        if (held == 0 || Math.Sign(held) == Math.Sign(change))
        {
            entry = ((Math.Abs(held) * entry) + (quantity * price)) / (Math.Abs(held) + quantity);
            held += change;
        }
        else
        {
            var closing = Math.Min(Math.Abs(held), quantity);
            realized = closing * (price - entry) * Math.Sign(held);
            held += change;
            if (held == 0)
            {
                entry = 0m;
            }
            else if (Math.Sign(held) == Math.Sign(change))
            {
                entry = price;
            }
        }

        positions[key] = (held, entry);
        return realized;
    }

    private void Finish(FakeOrder order, OrderStatus status, string executionType, DateTime now)
    {
        order.Status = status;
        order.UpdateTime = now;
        OrderChanged?.Invoke(order.Copy(), null, executionType);
    }
}
