using System.Globalization;
using PluginBot.Engine.Accounting;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Engine.Exchange;

/// <summary>
/// An exchange that fills orders against bars with <see cref="BarFillRules"/>. It checks instrument rules on
/// arrival and buying power at the fill, charges maker/taker fees and applies slippage to market-style fills.
/// An order decided on a bar can trade no earlier than the next bar of its symbol.
/// </summary>
public sealed class SimulatedExchange : IExchangeAdapter
{
    private readonly IClock clock;
    private readonly IInstrumentCatalog instruments;
    private readonly Portfolio account;
    private readonly SimulatedExchangeOptions options;
    private readonly Dictionary<string, SymbolBook> books = new(StringComparer.Ordinal);
    private readonly HashSet<string> seenClientOrderIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SymbolBook> orderBooks = new(StringComparer.Ordinal);
    private IExecutionEventSink? sink;
    private long nextTradeId = 1;
    private string? lastSymbol;
    private SymbolBook? lastBook;

    /// <summary>Creates the exchange.</summary>
    /// <param name="clock">The environment clock: orders are stamped with its time.</param>
    /// <param name="instruments">Rules every order is checked against.</param>
    /// <param name="account">The account fills are checked against (in a backtest, the engine's own ledger).</param>
    /// <param name="options">Fees, slippage, latency and account limits.</param>
    public SimulatedExchange(IClock clock, IInstrumentCatalog instruments, Portfolio account, SimulatedExchangeOptions options)
    {
        this.clock = clock;
        this.instruments = instruments;
        this.account = account;
        this.options = options;
    }

    /// <inheritdoc />
    public string Name => "simulated";

    /// <summary>Submissions ignored because their client order id was already used.</summary>
    public int DuplicateSubmissions { get; private set; }

    /// <inheritdoc />
    public void Attach(IExecutionEventSink sink) => this.sink = sink;

    /// <inheritdoc />
    public void Submit(OrderRequest order)
    {
        var events = RequireSink();
        if (!seenClientOrderIds.Add(order.ClientOrderId))
        {
            // Idempotent ids: a resend (for example after a restart) must never become a second order.
            DuplicateSubmissions++;
            return;
        }

        var now = clock.UtcNow;
        var book = BookFor(order.Symbol);
        var reason = CheckOnArrival(order, book);
        if (reason is not null)
        {
            events.OnOrderUpdate(new OrderUpdate(order.ClientOrderId, OrderStatus.Rejected, now, 0m, reason));
            return;
        }

        book.Orders.Add(new WorkingOrder(order, now, now + options.Latency));
        orderBooks[order.ClientOrderId] = book;
        events.OnOrderUpdate(new OrderUpdate(order.ClientOrderId, OrderStatus.Accepted, now, 0m));
    }

    /// <summary>
    /// Takes back an order a previous session of this paper venue had accepted (a resumed run): it keeps its original
    /// arrival time, so it can only fill on bars that start at or after it was sent — exactly as if the venue had never
    /// stopped. An order that had not been acknowledged yet is acknowledged now. A known id is ignored.
    /// </summary>
    public void Resume(OrderRequest order, DateTime sentTime, bool wasAccepted)
    {
        var events = RequireSink();
        if (!seenClientOrderIds.Add(order.ClientOrderId))
        {
            DuplicateSubmissions++;
            return;
        }

        var book = BookFor(order.Symbol);
        book.Orders.Add(new WorkingOrder(order, sentTime, sentTime + options.Latency));
        orderBooks[order.ClientOrderId] = book;
        if (!wasAccepted)
        {
            events.OnOrderUpdate(new OrderUpdate(order.ClientOrderId, OrderStatus.Accepted, clock.UtcNow, 0m));
        }
    }

    /// <inheritdoc />
    public void Cancel(string clientOrderId)
    {
        var events = RequireSink();
        if (!orderBooks.TryGetValue(clientOrderId, out var book))
        {
            return;
        }

        foreach (var working in book.Orders)
        {
            if (!working.IsDone && working.Request.ClientOrderId == clientOrderId)
            {
                working.IsDone = true;
                events.OnOrderUpdate(new OrderUpdate(clientOrderId, OrderStatus.Cancelled, clock.UtcNow, 0m, "cancelled on request"));
            }
        }

        RemoveDone(book);
    }

    /// <summary>Lets the bar trade against every working order of its symbol, in arrival order, then records its close.</summary>
    public void OnBar(in Bar bar)
    {
        var book = BookFor(bar.Symbol);
        var orders = book.Orders;
        if (orders.Count > 0)
        {
            var events = RequireSink();
            for (var index = 0; index < orders.Count; index++)
            {
                var working = orders[index];
                // Only a bar that starts after the order arrived can trade it: an earlier bar's open is a price the
                // order never saw. Arrival is never before submission, so the decision bar itself is never eligible.
                if (working.IsDone || bar.StartTime < working.ArrivalTime)
                {
                    continue;
                }

                var arrivedThisBar = !working.HasSeenEligibleBar;
                working.HasSeenEligibleBar = true;
                var outcome = BarFillRules.Evaluate(working.Request, in bar, arrivedThisBar, working.Triggered);
                working.Triggered = outcome.Triggered;
                if (outcome.Fills)
                {
                    Fill(working, in bar, outcome, events);
                }
                else if (arrivedThisBar && working.Request.TimeInForce != TimeInForce.GoodTillCancelled)
                {
                    working.IsDone = true;
                    events.OnOrderUpdate(new OrderUpdate(working.Request.ClientOrderId, OrderStatus.Expired, bar.StartTime, 0m,
                        $"{working.Request.TimeInForce} order could not fill on arrival"));
                }
            }

            RemoveDone(book);
        }

        book.LastPrice = bar.Close;
    }

    private void Fill(WorkingOrder working, in Bar bar, BarFillOutcome outcome, IExecutionEventSink events)
    {
        var request = working.Request;
        var rules = instruments.Get(request.Symbol);
        var time = bar.StartTime;
        var price = outcome.Price;
        if (outcome.Slips)
        {
            price = options.Slippage.Apply(request.Side, price, request.Quantity, in bar);

            // Real fills happen on the tick grid; round against the order so slippage is never understated.
            price = request.Side == OrderSide.Buy
                ? Math.Ceiling(price / rules.TickSize) * rules.TickSize
                : Math.Floor(price / rules.TickSize) * rules.TickSize;
        }

        working.IsDone = true;
        var quantity = request.Quantity;
        var reason = CheckAtFill(request, quantity, price, outcome.Liquidity, rules);
        if (reason is not null)
        {
            events.OnOrderUpdate(new OrderUpdate(request.ClientOrderId, OrderStatus.Rejected, time, 0m, reason));
            return;
        }

        var fee = options.Fees.FeeFor(quantity * price * rules.ContractMultiplier, outcome.Liquidity);
        events.OnFill(new Fill(request.ClientOrderId, request.Symbol, request.Side, quantity, price, fee, outcome.Liquidity, time, nextTradeId++));
        events.OnOrderUpdate(new OrderUpdate(request.ClientOrderId, OrderStatus.Filled, time, quantity));
    }

    private string? CheckOnArrival(OrderRequest order, SymbolBook book)
    {
        if (!instruments.TryGet(order.Symbol, out var rules))
        {
            return $"unknown symbol {order.Symbol}";
        }

        if (order.TimeInForce != TimeInForce.GoodTillCancelled && order.Type is OrderType.StopMarket or OrderType.StopLimit)
        {
            return $"time in force {order.TimeInForce} is only valid for market and limit orders";
        }

        var carriesPrice = order.Type != OrderType.Market;
        if (order.Type is OrderType.StopMarket or OrderType.StopLimit)
        {
            var stopProblem = rules.Check(order.Quantity, order.StopPrice!.Value, priceIsOrderPrice: true);
            if (stopProblem is not null)
            {
                return $"stop {stopProblem}";
            }
        }

        var price = order.LimitPrice ?? order.StopPrice ?? book.LastPrice;
        if (price == 0m)
        {
            return $"no price is known yet for {order.Symbol}, so the order's notional cannot be checked";
        }

        return rules.Check(order.Quantity, price, priceIsOrderPrice: carriesPrice && order.LimitPrice.HasValue);
    }

    private string? CheckAtFill(OrderRequest request, decimal quantity, decimal price, LiquidityRole liquidity, InstrumentRules rules)
    {
        var position = account.PositionFor(request.Symbol).Quantity;
        var signed = request.Side == OrderSide.Buy ? quantity : -quantity;
        var after = position + signed;
        if (request.ReduceOnly && (position == 0 || Math.Sign(after) == -Math.Sign(position) || Math.Abs(after) > Math.Abs(position)))
        {
            return string.Create(CultureInfo.InvariantCulture, $"reduce-only order for {quantity} would not reduce the position of {position}");
        }

        if (!options.AllowShortSelling && after < 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"short selling is not allowed: selling {quantity} with a position of {position}");
        }

        var adds = Math.Abs(after) > Math.Abs(position);
        if (!adds)
        {
            return null;
        }

        var multiplier = rules.ContractMultiplier;
        var fee = options.Fees.FeeFor(quantity * price * multiplier, liquidity);
        if (options.MaximumLeverage <= 1m && request.Side == OrderSide.Buy && after > 0)
        {
            var cost = (Math.Min(quantity, after) * price * multiplier) + fee;
            if (cost > account.Cash)
            {
                return string.Create(CultureInfo.InvariantCulture, $"insufficient cash: the fill needs {cost:0.########} and the account has {account.Cash:0.########}");
            }
        }

        var equityAfter = account.Equity - fee;
        var grossAfter = account.GrossExposure - (Math.Abs(position) * price * multiplier) + (Math.Abs(after) * price * multiplier);
        if (equityAfter <= 0 || grossAfter > equityAfter * options.MaximumLeverage)
        {
            return string.Create(CultureInfo.InvariantCulture, $"leverage limit: gross exposure after the fill {grossAfter:0.##} would exceed {options.MaximumLeverage}x equity {equityAfter:0.##}");
        }

        return null;
    }

    private void RemoveDone(SymbolBook book)
    {
        var orders = book.Orders;
        for (var index = orders.Count - 1; index >= 0; index--)
        {
            if (orders[index].IsDone)
            {
                orderBooks.Remove(orders[index].Request.ClientOrderId);
                orders.RemoveAt(index);
            }
        }
    }

    private SymbolBook BookFor(string symbol)
    {
        if (ReferenceEquals(symbol, lastSymbol))
        {
            return lastBook!;
        }

        if (!books.TryGetValue(symbol, out var book))
        {
            book = new SymbolBook();
            books.Add(symbol, book);
        }

        lastSymbol = symbol;
        lastBook = book;
        return book;
    }

    private IExecutionEventSink RequireSink() =>
        sink ?? throw new InvalidOperationException("Attach an execution event sink before sending orders.");

    /// <summary>
    /// Continues trade numbering after <paramref name="lastTradeId"/> (a resumed paper session: the venue's trade ids
    /// go on where the previous run's stopped, as a real exchange's would).
    /// </summary>
    public void ContinueTradeIdsAfter(long lastTradeId) => nextTradeId = Math.Max(nextTradeId, lastTradeId + 1);
}
