using System.Globalization;
using PluginBot.Engine.Accounting;
using PluginBot.Engine.Execution;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Exits;

/// <summary>
/// Applies an <see cref="ExitPolicy"/> to every open position, once per closed bar, through the execution engine
/// (the only part that sends orders). Stops and targets rest at the exchange as reduce-only orders, so the
/// exchange's own fill rules decide the trigger bar and price with no look-ahead, exactly as they would live.
/// </summary>
/// <remarks>
/// The protective orders of a position are kept as one block, sent in a fixed order: the stop first, then the
/// targets by ascending gain. A bar that reaches both a target and the stop is then settled as the stop (the
/// worse outcome, since the bar does not say which came first), and a target's fill can never leave a stop sized
/// for a position that no longer exists: whenever any order of the block must change (the stop tightens, the
/// position shrinks or grows) the whole block is cancelled and sent again. Nothing here runs inside an exchange
/// callback except bookkeeping, so orders are never cancelled while the exchange is matching.
/// <para>
/// While a resumed run replays its warm-up (<see cref="ExecutionEngine.IsReplayingRestoredOrders"/>) the manager runs
/// exactly as live but sends, cancels and records nothing: where it would send, it adopts the order the previous run
/// sent at that moment; where it would cancel, it forgets. So the state it ends the warm-up with — entry time, best
/// price, stop level, filled targets, scale-ins and the working block — is the uninterrupted run's.
/// </para>
/// </remarks>
internal sealed partial class ExitManager
{
    private readonly ExitPolicy policy;
    private readonly ExecutionEngine engine;
    private readonly Portfolio portfolio;
    private readonly IInstrumentCatalog instruments;
    private readonly ClientOrderIdGenerator orderIds;
    private readonly ProfitTarget[] targets;
    private readonly bool lastTargetClosesAll;
    private readonly Dictionary<string, PositionExitState> states = new(StringComparer.Ordinal);

    private string? lastSymbol;
    private PositionExitState? lastState;

    public ExitManager(ExitPolicy policy, ExecutionEngine engine, Portfolio portfolio, IInstrumentCatalog instruments, ClientOrderIdGenerator orderIds)
    {
        this.policy = policy;
        this.engine = engine;
        this.portfolio = portfolio;
        this.instruments = instruments;
        this.orderIds = orderIds;
        var list = new List<ProfitTarget>(policy.PartialExits);
        if (policy.TakeProfit is { } gain)
        {
            list.Add(new ProfitTarget(gain, 1m));
        }

        targets = [.. list];
        lastTargetClosesAll = policy.TakeProfit is not null || policy.PartialExitsCloseThePosition;
    }

    /// <summary>True while the weekend window forbids new positions at <paramref name="time"/>.</summary>
    public bool BlocksEntries(DateTime time) => policy.WeekendFlat is { } weekend && weekend.IsFlatWindow(time);

    /// <summary>Bookkeeping for a booked fill (called from inside the exchange's matching: no orders are sent or cancelled here).</summary>
    public void OnFill(Fill fill, decimal before, decimal after, ExitOrderTag? tag)
    {
        var state = StateFor(fill.Symbol);
        if (after == 0)
        {
            return;
        }

        var side = Math.Sign(after);
        if (before == 0 || Math.Sign(before) != side)
        {
            state.Arm(side, fill.Price, Math.Abs(after), fill.Time);
            return;
        }

        if (Math.Sign(fill.SignedQuantity) == side)
        {
            // A scale-in (or the strategy adding): the targets grow with it and the stop is measured again from the new average.
            state.EnteredQuantity += fill.Quantity;
            state.StopBasis = null;
            return;
        }

        if (tag is { Target: > 0 } target)
        {
            state.TargetFilled[target.Target - 1] = true;
        }
    }

    /// <summary>Forgets an exit order that became final (filled, cancelled, rejected or expired).</summary>
    public void OnExitOrderFinal(string symbol, string clientOrderId) => StateFor(symbol).Forget(clientOrderId);

    /// <summary>
    /// Cancels every exit order of the bar's symbol because the strategy is about to reduce, close or flip
    /// the position itself: a stop sized for the old position must not fill after the strategy's own order.
    /// </summary>
    public void CancelAll(in Bar bar, string reason)
    {
        var state = StateFor(bar.Symbol);
        if (state.HasWorkingOrders)
        {
            CancelWorking(state, in bar, reason, includeMarketExit: true);
        }
    }

    /// <summary>
    /// Acts on a closed bar after the exchange has traded it: keeps the symbol's exit orders in line with its
    /// position, sends time exits and scale-ins. Allocates nothing unless it sends or cancels an order.
    /// </summary>
    public void Manage(in Bar bar)
    {
        var state = StateFor(bar.Symbol);
        state.Observe(in bar);
        var position = portfolio.PositionFor(bar.Symbol);
        var quantity = position.Quantity;
        if (quantity == 0)
        {
            if (state.HasWorkingOrders)
            {
                CancelWorking(state, in bar, "the position is flat", includeMarketExit: true);
            }

            state.Disarm();
            return;
        }

        var side = Math.Sign(quantity);
        if (state.Side != side)
        {
            // A position the manager did not see open (it cannot happen through the engine, but never manage blind).
            state.Arm(side, position.AveragePrice, Math.Abs(quantity), bar.StartTime);
        }

        if (bar.StartTime >= state.EntryTime)
        {
            state.BestPrice = side > 0 ? Math.Max(state.BestPrice, bar.High) : Math.Min(state.BestPrice, bar.Low);
        }

        if (state.MarketExitOrderId is not null)
        {
            // Closing at market already: the block stays as it is until the position is flat.
            return;
        }

        var rules = instruments.Get(bar.Symbol);
        if (TimeExitDue(state, in bar) is { } timeReason)
        {
            SendMarketExit(state, in bar, rules, quantity, timeReason);
            return;
        }

        TryScaleIn(state, in bar, rules, side);
        UpdateStopLevel(state, position.AveragePrice, rules, side);
        PlanTargets(state, Math.Abs(quantity), position.AveragePrice, rules, side);
        Reconcile(state, in bar, rules, quantity);
    }

    private ExitReason? TimeExitDue(PositionExitState state, in Bar bar)
    {
        if (policy.WeekendFlat is { } weekend && weekend.IsFlatWindow(bar.EndTime))
        {
            return ExitReason.Weekend;
        }

        return policy.MaximumHoldingPeriod is { } maximum && bar.EndTime - state.EntryTime >= maximum ? ExitReason.MaximumHoldingPeriod : null;
    }

    private void SendMarketExit(PositionExitState state, in Bar bar, InstrumentRules rules, decimal quantity, ExitReason reason)
    {
        var size = Math.Abs(quantity);
        var why = reason == ExitReason.Weekend
            ? string.Create(CultureInfo.InvariantCulture, $"flat for the weekend from {policy.WeekendFlat!.FlatDay} {policy.WeekendFlat.FlatTime:hh\\:mm} UTC")
            : string.Create(CultureInfo.InvariantCulture, $"held since {state.EntryTime:yyyy-MM-ddTHH:mm:ssZ}, the maximum holding period {policy.MaximumHoldingPeriod} is reached");
        if (rules.Check(size, bar.Close, priceIsOrderPrice: false) is { } problem)
        {
            ReportUnplaceable(state, in bar, quantity, reason, $"{why}, but {problem}");
            return;
        }

        var request = new OrderRequest(NextId(), bar.Symbol, quantity > 0 ? OrderSide.Sell : OrderSide.Buy, OrderType.Market, size, reduceOnly: true);
        state.MarketExitOrderId = Place(request, new ExitOrderTag(reason, 0), in bar, quantity, 0m, why);
    }

    private void TryScaleIn(PositionExitState state, in Bar bar, InstrumentRules rules, int side)
    {
        if (policy.ScaleIn is not { } scaleIn || state.ScaleIns >= scaleIn.MaximumCount || engine.HasWorkingEntryOrder(bar.Symbol) || BlocksEntries(bar.EndTime))
        {
            return;
        }

        var gain = side * (bar.Close - state.FirstEntryPrice) / state.FirstEntryPrice;
        var wanted = scaleIn.Gains[state.ScaleIns];
        if (gain < wanted)
        {
            return;
        }

        // One attempt per level: a vetoed or unaffordable add is not retried on every later bar.
        state.ScaleIns++;
        if (engine.IsReplayingRestoredOrders)
        {
            // The previous run decided this add; its order (if any survived the risk layers) is among the restored ones.
            return;
        }

        var quantity = rules.RoundQuantityDown(scaleIn.FractionOfInitial * state.FirstQuantity);
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"scale-in {state.ScaleIns} of {scaleIn.MaximumCount}: the close {bar.Close} is {gain:P2} above the first entry {state.FirstEntryPrice} (level {wanted:P2}), adding {scaleIn.FractionOfInitial} of the first fill {state.FirstQuantity}");
        engine.SendScaleIn(in bar, side, quantity, reason);
    }

    private void UpdateStopLevel(PositionExitState state, decimal average, InstrumentRules rules, int side)
    {
        if (policy.StopLoss is { } stopLoss && state.StopBasis != average && stopLoss.From(average, state.StopRange) is { } distance)
        {
            state.StopBasis = average;
            Tighten(state, average - (side * distance), ExitReason.StopLoss, rules, side);
        }

        if (policy.TrailingStop is { } trailing && average > 0
            && side * (state.BestPrice - average) / average >= trailing.ActivationGain
            && trailing.Distance.From(state.BestPrice, state.TrailingRange) is { } trail)
        {
            Tighten(state, state.BestPrice - (side * trail), ExitReason.TrailingStop, rules, side);
        }
    }

    // Stops are rounded towards the position (up for a long's sell stop), so rounding never widens the chosen distance.
    private static void Tighten(PositionExitState state, decimal level, ExitReason reason, InstrumentRules rules, int side)
    {
        var tick = rules.TickSize;
        var rounded = side > 0 ? Math.Ceiling(level / tick) * tick : Math.Floor(level / tick) * tick;
        if (rounded <= 0)
        {
            return;
        }

        if (state.StopLevel is not { } current || side * (rounded - current) > 0)
        {
            state.StopLevel = rounded;
            state.StopReason = reason;
        }
    }

    private void PlanTargets(PositionExitState state, decimal size, decimal average, InstrumentRules rules, int side)
    {
        var remaining = size;
        var tick = rules.TickSize;
        for (var index = 0; index < targets.Length; index++)
        {
            state.DesiredTargetQuantities[index] = 0m;
            if (state.TargetFilled[index] || remaining <= 0)
            {
                continue;
            }

            var level = average * (1m + (side * targets[index].Gain));
            // Targets are rounded away from the entry, so a level never takes less gain than configured.
            var price = side > 0 ? Math.Ceiling(level / tick) * tick : Math.Floor(level / tick) * tick;
            if (price <= 0)
            {
                continue;
            }

            var closesAll = lastTargetClosesAll && index == targets.Length - 1;
            var quantity = closesAll ? remaining : Math.Min(rules.RoundQuantityDown(targets[index].Fraction * state.EnteredQuantity), remaining);
            if (quantity <= 0 || rules.Check(quantity, price, priceIsOrderPrice: true) is not null)
            {
                // Too small on its own: its share stays with the later targets (and the last one takes everything left).
                continue;
            }

            var left = remaining - quantity;
            if (left > 0 && rules.Check(left, price, priceIsOrderPrice: false) is not null)
            {
                // What would be left is below the exchange's minimums and could never be sold alone: it goes with this exit.
                quantity = remaining;
            }

            state.DesiredTargetQuantities[index] = quantity;
            state.DesiredTargetPrices[index] = price;
            remaining -= quantity;
        }
    }

    private void Reconcile(PositionExitState state, in Bar bar, InstrumentRules rules, decimal quantity)
    {
        var size = Math.Abs(quantity);
        var stop = state.StopLevel;
        if (stop is { } level && rules.Check(size, level, priceIsOrderPrice: true) is { } problem)
        {
            ReportUnplaceable(state, in bar, quantity, state.StopReason, string.Create(CultureInfo.InvariantCulture, $"a stop at {level} is not possible: {problem}"));
            stop = null;
        }

        var changed = (state.StopOrderId is not null) != stop.HasValue
            || (stop is { } wanted && (state.StopOrderPrice != wanted || state.StopOrderQuantity != size));
        for (var index = 0; !changed && index < targets.Length; index++)
        {
            var desired = state.DesiredTargetQuantities[index];
            changed = (state.TargetOrderIds[index] is not null) != (desired > 0)
                || (desired > 0 && (state.TargetOrderQuantities[index] != desired || state.TargetOrderPrices[index] != state.DesiredTargetPrices[index]));
        }

        if (!changed)
        {
            return;
        }

        if (state.HasWorkingOrders)
        {
            CancelWorking(state, in bar, "replaced by the position's updated exit orders", includeMarketExit: false);
        }

        var exitSide = quantity > 0 ? OrderSide.Sell : OrderSide.Buy;
        if (stop is { } stopPrice)
        {
            var request = new OrderRequest(NextId(), bar.Symbol, exitSide, OrderType.StopMarket, size, stopPrice: stopPrice, reduceOnly: true);
            state.StopOrderPrice = stopPrice;
            state.StopOrderQuantity = size;
            var reason = state.StopReason == ExitReason.TrailingStop
                ? string.Create(CultureInfo.InvariantCulture, $"trailing stop at {stopPrice}, behind the best price {state.BestPrice} since entry")
                : string.Create(CultureInfo.InvariantCulture, $"stop loss at {stopPrice} for the average entry {portfolio.PositionFor(bar.Symbol).AveragePrice}");
            state.StopOrderId = Place(request, new ExitOrderTag(state.StopReason, 0), in bar, quantity, 0m, reason);
        }

        var left = quantity;
        for (var index = 0; index < targets.Length; index++)
        {
            var desired = state.DesiredTargetQuantities[index];
            if (desired <= 0)
            {
                continue;
            }

            var price = state.DesiredTargetPrices[index];
            var request = new OrderRequest(NextId(), bar.Symbol, exitSide, OrderType.Limit, desired, limitPrice: price, reduceOnly: true);
            state.TargetOrderPrices[index] = price;
            state.TargetOrderQuantities[index] = desired;
            var isTakeProfit = policy.TakeProfit is not null && index == targets.Length - 1;
            var reason = isTakeProfit
                ? string.Create(CultureInfo.InvariantCulture, $"take profit at {price} ({targets[index].Gain:P2} over the average entry) for the remaining {desired}")
                : string.Create(CultureInfo.InvariantCulture, $"partial exit {index + 1} at {price} ({targets[index].Gain:P2} over the average entry) for {desired}");
            var after = left - (Math.Sign(quantity) * desired);
            state.TargetOrderIds[index] = Place(request, new ExitOrderTag(isTakeProfit ? ExitReason.TakeProfit : ExitReason.PartialExit, index + 1), in bar, left, after, reason);
            left = after;
        }
    }

    private void ReportUnplaceable(PositionExitState state, in Bar bar, decimal quantity, ExitReason reason, string problem)
    {
        if (state.ReportedUnplaceable)
        {
            return;
        }

        state.ReportedUnplaceable = true;
        if (!engine.IsReplayingRestoredOrders)
        {
            // While replaying, the previous run already recorded it.
            engine.RecordExitNotPlaced(in bar, quantity, reason, problem);
        }
    }

    private PositionExitState StateFor(string symbol)
    {
        if (ReferenceEquals(symbol, lastSymbol))
        {
            return lastState!;
        }

        if (!states.TryGetValue(symbol, out var state))
        {
            state = new PositionExitState(symbol, policy, targets.Length);
            states.Add(symbol, state);
        }

        lastSymbol = symbol;
        lastState = state;
        return state;
    }
}
