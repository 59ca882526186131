using PluginBot.Engine.Backtest;
using PluginBot.Engine.Exits;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Execution;

/// <summary>
/// Resuming after a stop or crash: the persisted orders and fills become the engine's books again. A resumed run replays
/// the bars its previous run handled as warm-up; the previous run's order events are replayed with them, each at the bar
/// it happened in, so everything that learns from bars and fills together (the exit manager's high-water marks, stop
/// levels and filled targets, the day-start equity, the risk layers' equity peaks, the execution tracker) ends the
/// warm-up in the state the uninterrupted run had — nothing is sent while replaying.
/// </summary>
public sealed partial class ExecutionEngine
{
    // The replay in progress between BeginRestore and CompleteRestore; null otherwise.
    private List<RestoredOrder>? replayOrders;
    private string replayExitPrefix = string.Empty;
    private int replayNextOrder;
    private readonly Dictionary<string, List<(DateTime Time, int Rank, Fill? Fill, OrderUpdate? Update)>> replayEvents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> replayNextEvent = new(StringComparer.Ordinal);
    private readonly HashSet<string> replayAdopted = new(StringComparer.Ordinal);

    /// <summary>True between <see cref="BeginRestore"/> and <see cref="CompleteRestore"/>: the exit manager adopts the previous run's orders instead of sending.</summary>
    internal bool IsReplayingRestoredOrders => replayOrders is not null;

    /// <summary>
    /// Hands a previous run's persisted orders to the engine before the first bar. From now until
    /// <see cref="CompleteRestore"/>, <see cref="ReplayRestored"/> books their fills and state changes bar by bar,
    /// and the exit manager, instead of sending, adopts the exit orders the previous run sent at the same moment.
    /// </summary>
    public void BeginRestore(IReadOnlyList<RestoredOrder> restored, string exitOrderPrefix)
    {
        ArgumentNullException.ThrowIfNull(restored);
        if (replayOrders is not null)
        {
            throw new InvalidOperationException("A restore is already in progress.");
        }

        replayExitPrefix = exitOrderPrefix;
        // Stable: orders sent at the same instant keep the order they were sent (and reached the venue) in.
        replayOrders = [.. restored.OrderBy(order => order.SentTime)];
        replayNextOrder = 0;
        foreach (var order in replayOrders)
        {
            if (!replayEvents.TryGetValue(order.Request.Symbol, out var events))
            {
                events = [];
                replayEvents.Add(order.Request.Symbol, events);
            }

            // At one instant an order's acknowledgement comes before its fills, and its final state after them.
            events.AddRange(order.Updates.Select(update => (update.Time, update.Status.IsFinal() ? 2 : 0, (Fill?)null, (OrderUpdate?)update)));
            events.AddRange(order.Fills.Select(fill => (fill.Time, 1, (Fill?)fill, (OrderUpdate?)null)));
        }

        foreach (var (symbol, events) in replayEvents)
        {
            replayEvents[symbol] = [.. events.OrderBy(entry => entry.Time).ThenBy(entry => entry.Rank)];
            replayNextEvent[symbol] = 0;
        }
    }

    /// <summary>
    /// Replays, before a warm-up bar is handled, every restored event that happened before that bar closed: the day
    /// rolls first (so day-start equity is the equity marked at the previous close, as it was live), orders sent at
    /// earlier closes enter the books, then the bar's symbol's fills and state changes are booked in time order —
    /// where the exchange would have produced them, before the bar is marked and the exits are managed.
    /// </summary>
    public void ReplayRestored(in Bar bar)
    {
        if (replayOrders is null)
        {
            return;
        }

        portfolio.AdvanceTo(bar.EndTime);
        RegisterRestoredOrders(bar.EndTime);
        ReplayEvents(bar.Symbol, bar.EndTime, bar.Volume);
    }

    /// <summary>
    /// Ends a restore just before the first live bar: books what the warm-up did not reach, completes an order whose
    /// stored fills cover it (the crash came before its Filled update: sending it again would fill it twice), and returns
    /// the orders still working — entries, and the exit orders the exit manager adopted during the replay — which the
    /// caller hands back to the venue under the same client order ids, in the order they were sent. Exit orders the replay
    /// did not adopt are cancelled (the exit manager places what the position needs at the first live bar). The completed
    /// state changes are already applied here; the caller persists them. Call it on the engine thread.
    /// </summary>
    public (IReadOnlyList<RestoredOrder> WorkingOrders, IReadOnlyList<OrderUpdate> CompletedUpdates) CompleteRestore()
    {
        if (replayOrders is not { } restored)
        {
            return ([], []);
        }

        RegisterRestoredOrders(DateTime.MaxValue);
        foreach (var symbol in replayEvents.Keys)
        {
            ReplayEvents(symbol, DateTime.MaxValue, 0m);
        }

        var working = new List<RestoredOrder>();
        var completed = new List<OrderUpdate>();
        foreach (var order in restored)
        {
            var id = order.Request.ClientOrderId;
            var record = orders[id];
            if (!record.Status.IsFinal() && record.FilledQuantity >= order.Request.Quantity)
            {
                var filled = new OrderUpdate(id, OrderStatus.Filled, order.Fills[^1].Time, record.FilledQuantity);
                completed.Add(filled);
                ReplayUpdate(record, filled);
            }

            if (record.Status.IsFinal())
            {
                continue;
            }

            if (IsRestoredExitOrder(id) && !exitOrders.ContainsKey(id))
            {
                var cancelled = new OrderUpdate(id, OrderStatus.Cancelled, clock.UtcNow, record.FilledQuantity,
                    "not resumed after the restart: the replayed exit plan no longer holds this order");
                completed.Add(cancelled);
                ReplayUpdate(record, cancelled);
                continue;
            }

            working.Add(order);
        }

        replayOrders = null;
        replayEvents.Clear();
        replayNextEvent.Clear();
        replayAdopted.Clear();
        return (working, completed);
    }

    /// <summary>
    /// Restores all at once, with no warm-up bars to replay against (<see cref="BeginRestore"/> then
    /// <see cref="CompleteRestore"/>): positions, round trips and the exit manager's entry bookkeeping come back,
    /// but nothing that needs the bars in between (high-water marks, stop levels, day-start equity).
    /// </summary>
    public (IReadOnlyList<RestoredOrder> WorkingOrders, IReadOnlyList<OrderUpdate> CompletedUpdates) Restore(IReadOnlyList<RestoredOrder> restored, string exitOrderPrefix)
    {
        BeginRestore(restored, exitOrderPrefix);
        return CompleteRestore();
    }

    /// <summary>
    /// During the replay, takes over the exit order the previous run sent at this very moment with the same terms as
    /// <paramref name="template"/> (its id is ignored): the order keeps its client id and its tag, so its later fills
    /// count for the right target. Returns that id, or null when the previous run sent no such order (the exit manager
    /// then treats it as not placed and places it itself at the first live bar).
    /// </summary>
    internal string? AdoptRestoredExitOrder(OrderRequest template, ExitOrderTag tag)
    {
        var now = clock.UtcNow;
        foreach (var order in replayOrders!)
        {
            var request = order.Request;
            if (order.SentTime == now
                && IsRestoredExitOrder(request.ClientOrderId)
                && request.Symbol == template.Symbol
                && request.Side == template.Side
                && request.Type == template.Type
                && request.Quantity == template.Quantity
                && request.StopPrice == template.StopPrice
                && request.LimitPrice == template.LimitPrice
                && replayAdopted.Add(request.ClientOrderId))
            {
                exitOrders[request.ClientOrderId] = tag;
                return request.ClientOrderId;
            }
        }

        return null;
    }

    /// <summary>During the replay, forgets an adopted exit order the previous run cancelled here (its Cancelled state is replayed later).</summary>
    internal void ForgetReplayedExitOrder(string symbol, string clientOrderId)
    {
        if (exitOrders.Remove(clientOrderId))
        {
            exits!.OnExitOrderFinal(symbol, clientOrderId);
        }
    }

    private bool IsRestoredExitOrder(string clientOrderId) => clientOrderId.StartsWith(replayExitPrefix, StringComparison.Ordinal);

    // Orders sent before `before` enter the books as they did when sent: entries count as working, and the tracker
    // measures from the decision price (the close the order was decided on, which is the symbol's mark until its next bar).
    private void RegisterRestoredOrders(DateTime before)
    {
        var restored = replayOrders!;
        while (replayNextOrder < restored.Count && restored[replayNextOrder].SentTime < before)
        {
            var order = restored[replayNextOrder++];
            var request = order.Request;
            var record = new OrderRecord(request, order.SentTime);
            orders.Add(request.ClientOrderId, record);
            orderList.Add(record);
            if (!IsRestoredExitOrder(request.ClientOrderId))
            {
                workingOrdersBySymbol[request.Symbol] = workingOrdersBySymbol.GetValueOrDefault(request.Symbol) + 1;
            }

            var reference = portfolio.PositionFor(request.Symbol).MarketPrice;
            if (reference > 0)
            {
                Tracker.OnOrderSent(request.ClientOrderId, request.Symbol, reference, order.SentTime);
            }
        }
    }

    private void ReplayEvents(string symbol, DateTime before, decimal barVolume)
    {
        if (!replayEvents.TryGetValue(symbol, out var events))
        {
            return;
        }

        var next = replayNextEvent[symbol];
        while (next < events.Count && events[next].Time < before)
        {
            var (_, _, fill, update) = events[next++];
            var record = orders[fill?.ClientOrderId ?? update!.ClientOrderId];
            if (fill is not null)
            {
                ReplayFill(record, fill, barVolume);
            }
            else if (!record.Status.IsFinal())
            {
                ReplayUpdate(record, update!);
            }
        }

        replayNextEvent[symbol] = next;
    }

    // OnFill without the venue: the same books, in the same order, so the exit manager, the trade recorder, the
    // tracker and the strategy see the fill exactly as they did live.
    private void ReplayFill(OrderRecord record, Fill fill, decimal barVolume)
    {
        var before = portfolio.PositionFor(fill.Symbol).Quantity;
        var realized = portfolio.Apply(fill);
        ExitOrderTag? tag = exitOrders.TryGetValue(fill.ClientOrderId, out var exitTag) ? exitTag : null;
        var closedBefore = trades.ClosedTrades.Count;
        trades.OnFill(fill, before, realized, tag?.Reason ?? UntaggedReason(record.Request));
        Tracker.OnFill(fill, barVolume);
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

    // An exit order the replay could not adopt (a restore without warm-up) lost its tag: its type tells the likely reason.
    private ExitReason UntaggedReason(OrderRequest request) => !IsRestoredExitOrder(request.ClientOrderId)
        ? ExitReason.Signal
        : request.Type switch
        {
            OrderType.StopMarket or OrderType.StopLimit => ExitReason.StopLoss,
            OrderType.Limit => ExitReason.TakeProfit,
            _ => ExitReason.MaximumHoldingPeriod,
        };

    private void ReplayUpdate(OrderRecord record, OrderUpdate update)
    {
        record.Apply(update);
        if (!update.Status.IsFinal())
        {
            return;
        }

        var id = update.ClientOrderId;
        Tracker.OnOrderFinished(id);
        if (IsRestoredExitOrder(id))
        {
            ForgetReplayedExitOrder(record.Request.Symbol, id);
            return;
        }

        workingOrdersBySymbol[record.Request.Symbol]--;
    }
}
