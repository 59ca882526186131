using System.Globalization;
using PluginBot.Engine.Accounting;
using PluginBot.Engine.Committees;
using PluginBot.Engine.Exits;
using PluginBot.Engine.Hosting;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Regimes;
using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Execution;

/// <summary>
/// The only part of the engine that sends orders. It turns a strategy's signal into a target position with the
/// sizer, passes the resulting order intent through every risk layer, sends what survives as a market order,
/// and books what comes back (fills into the portfolio and the trade recorder, states into the order ledger).
/// With an <see cref="ExitPolicy"/> it also manages open positions (stops, targets, scale-ins, time exits) through
/// exit orders that carry their own client-order-id prefix and are tracked apart from entry orders: a resting stop
/// never blocks the strategy's next decision, only a working entry order does.
/// </summary>
public sealed partial class ExecutionEngine : IExecutionEventSink
{
    private readonly IClock clock;
    private readonly IExchangeAdapter exchange;
    private readonly Portfolio portfolio;
    private readonly TradeRecorder trades;
    private readonly IInstrumentCatalog instruments;
    private readonly PluginSlot<IPositionSizer> sizer;
    private readonly IReadOnlyList<PluginSlot<IRiskManager>> riskLayers;
    private readonly ClientOrderIdGenerator orderIds;
    private readonly bool allowShort;
    private readonly Dictionary<string, OrderRecord> orders = new(StringComparer.Ordinal);
    private readonly List<OrderRecord> orderList = [];
    private readonly Dictionary<string, int> workingOrdersBySymbol = new(StringComparer.Ordinal);
    private readonly List<DecisionRecord> decisions = [];
    private readonly Dictionary<string, DecisionRecord> lastUnsentBySymbol = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SignalDirection> directionByOrder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RejectionMemory> lastRejectionBySymbol = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExitOrderTag> exitOrders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> barVolumes = new(StringComparer.Ordinal);
    private readonly ExitManager? exits;

    /// <summary>Creates the execution engine and attaches it to <paramref name="exchange"/>.</summary>
    public ExecutionEngine(
        IClock clock,
        IExchangeAdapter exchange,
        Portfolio portfolio,
        TradeRecorder trades,
        IInstrumentCatalog instruments,
        PluginSlot<IPositionSizer> sizer,
        IReadOnlyList<PluginSlot<IRiskManager>> riskLayers,
        ClientOrderIdGenerator orderIds,
        bool allowShort,
        ExitPolicy? exitPolicy = null,
        ClientOrderIdGenerator? exitOrderIds = null)
    {
        this.clock = clock;
        this.exchange = exchange;
        this.portfolio = portfolio;
        this.trades = trades;
        this.instruments = instruments;
        this.sizer = sizer;
        this.riskLayers = riskLayers;
        this.orderIds = orderIds;
        this.allowShort = allowShort;
        if (exitPolicy is { IsEmpty: false })
        {
            exits = new ExitManager(exitPolicy, this, portfolio, instruments, exitOrderIds ?? new ClientOrderIdGenerator("exit"));
        }

        exchange.Attach(this);
    }

    /// <summary>
    /// Where sizing requests get the symbol's regime estimate from (the composition's detector, through the committee);
    /// null when the composition has none. Set before the first bar.
    /// </summary>
    public Func<string, RegimeEstimate?>? RegimeOf { get; set; }

    /// <summary>
    /// Where entries get the committee's expert shares for the symbol, to hold each expert to its risk budget (see
    /// <see cref="RiskBudgetLimit"/>); null when no expert has a budget, and then nothing is checked. Set before the first bar.
    /// </summary>
    public Func<string, ExpertAttribution?>? ExpertAttributionOf { get; set; }

    /// <summary>
    /// Learns from the engine's own executions (slippage against the decision price, send-to-fill latency, outcomes);
    /// plugins read it through their context. Set before the first bar.
    /// </summary>
    public Feedback.ExecutionTracker Tracker { get; set; } = new();

        /// <summary>Raised after a fill is booked; the kernel forwards it to the strategy.</summary>
    public event Action<Fill>? FillBooked;

    /// <summary>Every order sent, in sending order.</summary>
    public IReadOnlyList<OrderRecord> Orders => orderList;

    /// <summary>Every decision that asked for a change of position.</summary>
    public IReadOnlyList<DecisionRecord> Decisions => decisions;

    /// <summary>
    /// Decisions not recorded because they repeated the symbol's previous unsent decision (same direction, outcome
    /// and position; the reason's numbers may differ): an account too small to trade would otherwise add one record per bar forever.
    /// </summary>
    public long RepeatedDecisionsSuppressed { get; private set; }

    /// <summary>Number of fills booked.</summary>
    public int FillCount { get; private set; }

    /// <summary>
    /// Acts on a signal taken at the close of <paramref name="bar"/>. Hold does nothing; a signal for the side
    /// already held does nothing (no resizing on repeated signals); otherwise the position is moved to the target.
    /// Allocates nothing when there is nothing to do.
    /// </summary>
    public void OnSignal(in Bar bar, Signal signal, string? strategyVersion = null)
    {
        if (signal.Direction == SignalDirection.Hold)
        {
            return;
        }

        var position = portfolio.PositionFor(bar.Symbol).Quantity;
        var wantedSign = signal.Direction switch
        {
            SignalDirection.Long => 1,
            SignalDirection.Short => allowShort ? -1 : 0,
            _ => 0,
        };
        if (Math.Sign(position) == wantedSign)
        {
            return;
        }

        if (workingOrdersBySymbol.TryGetValue(bar.Symbol, out var working) && working > 0)
        {
            RecordUnsent(strategyVersion, clock.UtcNow, in bar, signal, position, position, DecisionOutcome.OrderPending, "an earlier order for the symbol is still working");
            return;
        }

        if (wantedSign != 0 && exits is not null && exits.BlocksEntries(clock.UtcNow))
        {
            RecordUnsent(strategyVersion, clock.UtcNow, in bar, signal, position, position, DecisionOutcome.BlockedByExitPolicy, "the weekend flat window allows no new position");
            return;
        }

        if (lastRejectionBySymbol.TryGetValue(bar.Symbol, out var rejection) && rejection.StillApplies(signal.Direction, position, portfolio.Cash, bar.Close))
        {
            RecordUnsent(strategyVersion, clock.UtcNow, in bar, signal, position, position, DecisionOutcome.HeldAfterRejection,
                $"the last order for this decision was rejected ({rejection.Reason}); it is retried when the direction, position or cash changes or the price moves in its favour");
            return;
        }

        var rules = instruments.Get(bar.Symbol);
        var target = 0m;
        string? reason = null;
        string? budgetReason = null;
        if (wantedSign != 0)
        {
            SizingResult size;
            if (sizer.Health == PluginHealth.Faulted)
            {
                size = SizingResult.None($"the sizer {sizer.CurrentVersion} is faulted and sizes zero until it is replaced");
            }
            else
            {
                try
                {
                    size = sizer.Current.Size(new SizingRequest(bar.Symbol, signal, bar.Close, rules) { Regime = RegimeOf?.Invoke(bar.Symbol) });
                }
                catch (Exception exception)
                {
                    // A faulty sizer must not stop the engine: it is faulted and sizes zero from now on.
                    sizer.MarkFaulted(exception);
                    size = SizingResult.None($"the sizer threw {exception.GetType().Name}: {exception.Message}");
                }
            }

            target = wantedSign * rules.RoundQuantityDown(size.Quantity);
            if (target == 0)
            {
                reason = size.Reason ?? "the sizer returned less than one lot";
            }
            else if ((Math.Sign(target) != Math.Sign(position) || Math.Abs(target) > Math.Abs(position))
                && ExpertAttributionOf?.Invoke(bar.Symbol) is { } attribution && attribution.Direction == signal.Direction)
            {
                // Entries and increases only, after sizing and before the risk layers: a reduction is never cut.
                reason = budgetReason = RiskBudgetLimit.Apply(attribution, Math.Abs(target), bar.Close, rules, portfolio.Equity, out var allowed);
                target = wantedSign * allowed;
            }
        }

        var delta = target - position;
        if (delta == 0)
        {
            RecordUnsent(strategyVersion, clock.UtcNow, in bar, signal, position, target, DecisionOutcome.NotSized, reason);
            return;
        }

        var side = delta > 0 ? OrderSide.Buy : OrderSide.Sell;
        var quantity = Math.Abs(delta);
        var intent = new OrderIntent(bar.Symbol, side, quantity, bar.Close, position);
        var scale = 1m;
        List<string>? reasons = null;
        for (var index = 0; index < riskLayers.Count; index++)
        {
            var slot = riskLayers[index];
            var assessment = Assess(slot, in intent);
            if (assessment.Verdict == RiskVerdict.Veto)
            {
                RecordUnsent(strategyVersion, clock.UtcNow, in bar, signal, position, target, DecisionOutcome.Vetoed, $"{slot.Name}: {assessment.Reason}");
                return;
            }

            if (assessment.Verdict == RiskVerdict.Scale)
            {
                scale *= assessment.Scale;
                (reasons ??= []).Add($"{slot.Name}: {assessment.Reason}");
            }
        }

        if (scale != 1m)
        {
            quantity = rules.RoundQuantityDown(quantity * scale);
            reason = budgetReason is null ? string.Join("; ", reasons!) : $"{budgetReason}; {string.Join("; ", reasons!)}";
        }

        var legality = rules.Check(quantity, bar.Close, priceIsOrderPrice: false);
        if (legality is not null)
        {
            RecordUnsent(strategyVersion, clock.UtcNow, in bar, signal, position, target, DecisionOutcome.NotSized, reason is null ? legality : $"{reason}; {legality}");
            return;
        }

        if (position != 0 && Math.Sign(delta) != Math.Sign(position))
        {
            // The strategy closes or flips the position itself: exit orders sized for it must not fill after this order.
            exits?.CancelAll(in bar, "the strategy is changing the position itself");
        }

        var request = new OrderRequest(orderIds.Next(), bar.Symbol, side, OrderType.Market, quantity);
        directionByOrder[request.ClientOrderId] = signal.Direction;
        lastUnsentBySymbol.Remove(bar.Symbol);
        decisions.Add(new DecisionRecord(clock.UtcNow, bar.Symbol, signal, bar.Close, position,
            position + (side == OrderSide.Buy ? quantity : -quantity), DecisionOutcome.OrderSent, request.ClientOrderId, reason, strategyVersion));
        Send(request);
    }

    /// <summary>Called with each bar before the exchange trades it, so fills can be judged against the volume of the bar they happened in.</summary>
    public void BeginBar(in Bar bar) => barVolumes[bar.Symbol] = bar.Volume;

    /// <summary>Lets the sizer and every healthy risk layer see a closed bar; one that throws is faulted.</summary>
    public void ObserveBar(in Bar bar)
    {
        // The sizer sees the bar too (to measure volatility itself); a sizer that throws is faulted and sizes zero.
        if (sizer.Health != PluginHealth.Faulted)
        {
            try
            {
                sizer.Current.Observe(in bar);
            }
            catch (Exception exception)
            {
                sizer.MarkFaulted(exception);
            }
        }

        for (var index = 0; index < riskLayers.Count; index++)
        {
            var slot = riskLayers[index];
            if (slot.Health == PluginHealth.Faulted)
            {
                continue;
            }

            try
            {
                slot.Current.Observe(in bar);
            }
            catch (Exception exception)
            {
                slot.MarkFaulted(exception);
            }
        }
    }

    /// <summary>
    /// Lets the exit policy act on a closed bar, after the exchange traded it and the position was marked, and before
    /// the strategy decides. Does nothing without an exit policy.
    /// </summary>
    public void ManageExits(in Bar bar) => exits?.Manage(in bar);

    /// <summary>Sends an order the engine decided on itself (flattening) through the same books; it counts as an entry order.</summary>
    public void Send(OrderRequest request)
    {
        var record = new OrderRecord(request, clock.UtcNow);
        orders.Add(request.ClientOrderId, record);
        orderList.Add(record);
        workingOrdersBySymbol[request.Symbol] = workingOrdersBySymbol.GetValueOrDefault(request.Symbol) + 1;
        Tracker.OnOrderSent(request.ClientOrderId, request.Symbol, portfolio.PositionFor(request.Symbol).MarketPrice, clock.UtcNow);
        exchange.Submit(request);
    }

    /// <inheritdoc />
    public void OnOrderUpdate(OrderUpdate update)
    {
        var record = Find(update.ClientOrderId);
        record.Apply(update);
        if (!update.Status.IsFinal())
        {
            return;
        }

        Tracker.OnOrderFinished(update.ClientOrderId);

        var symbol = record.Request.Symbol;
        if (exitOrders.Remove(update.ClientOrderId))
        {
            exits!.OnExitOrderFinal(symbol, update.ClientOrderId);
            return;
        }

        workingOrdersBySymbol[symbol]--;
        if (directionByOrder.Remove(update.ClientOrderId, out var direction))
        {
            if (update.Status == OrderStatus.Rejected)
            {
                lastRejectionBySymbol[symbol] = new RejectionMemory(direction, portfolio.PositionFor(symbol).Quantity, portfolio.Cash,
                    portfolio.PositionFor(symbol).MarketPrice, update.Reason);
            }
            else
            {
                lastRejectionBySymbol.Remove(symbol);
            }
        }
    }

    /// <inheritdoc />
    public void OnFill(Fill fill)
    {
        var record = Find(fill.ClientOrderId);
        var before = portfolio.PositionFor(fill.Symbol).Quantity;
        var realized = portfolio.Apply(fill);
        ExitOrderTag? tag = exitOrders.TryGetValue(fill.ClientOrderId, out var exitTag) ? exitTag : null;
        var closedBefore = trades.ClosedTrades.Count;
        trades.OnFill(fill, before, realized, tag?.Reason ?? ExitReason.Signal);
        Tracker.OnFill(fill, barVolumes.GetValueOrDefault(fill.Symbol));
        for (var index = closedBefore; index < trades.ClosedTrades.Count; index++)
        {
            var closed = trades.ClosedTrades[index];
            Tracker.OnRoundTripClosed(closed.ProfitLoss - closed.TotalFees);
        }

        record.Apply(fill);
        exits?.OnFill(fill, before, before + fill.SignedQuantity, tag);
        FillCount++;
        FillBooked?.Invoke(fill);
    }

    // Fail closed: a faulted or throwing layer blocks new entries but never blocks a reduction of risk.
    private static RiskAssessment Assess(PluginSlot<IRiskManager> slot, in OrderIntent intent)
    {
        if (slot.Health == PluginHealth.Faulted)
        {
            return intent.IsReducing ? RiskAssessment.Approve() : RiskAssessment.Veto($"the layer {slot.CurrentVersion} is faulted and blocks new entries until it is replaced");
        }

        try
        {
            return slot.Current.Assess(in intent);
        }
        catch (Exception exception)
        {
            slot.MarkFaulted(exception);
            return intent.IsReducing ? RiskAssessment.Approve() : RiskAssessment.Veto($"the layer threw {exception.GetType().Name}: {exception.Message}");
        }
    }

    private void RecordUnsent(string? strategyVersion, DateTime time, in Bar bar, Signal signal, decimal position, decimal target, DecisionOutcome outcome, string? reason)
    {
        // Checked before building the record: a stuck decision repeats on every bar and must cost nothing.
        if (lastUnsentBySymbol.TryGetValue(bar.Symbol, out var last)
            && last.Signal.Direction == signal.Direction
            && last.Outcome == outcome
            && last.PositionBefore == position)
        {
            RepeatedDecisionsSuppressed++;
            return;
        }

        var record = new DecisionRecord(time, bar.Symbol, signal, bar.Close, position, target, outcome, null, reason, strategyVersion);
        lastUnsentBySymbol[bar.Symbol] = record;
        decisions.Add(record);
    }

    private OrderRecord Find(string clientOrderId) =>
        orders.TryGetValue(clientOrderId, out var record)
            ? record
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The exchange reported order {clientOrderId}, which this engine never sent."));
}
