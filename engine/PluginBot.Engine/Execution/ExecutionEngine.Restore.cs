using PluginBot.Engine.Backtest;
using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Execution;

/// <summary>Resuming after a stop or crash: the persisted orders and fills become the engine's books again.</summary>
public sealed partial class ExecutionEngine
{
    /// <summary>
    /// Rebuilds the order books, the portfolio and the round trips from a previous run's persisted orders, in the order
    /// their fills happened (no strategy or risk layer is consulted; nothing is sent). Returns the entry orders that were
    /// still working, which the caller hands back to the venue under the same client order ids, and a cancellation for each exit
    /// order that was still working (already applied here; the caller persists it): exit orders belong to the exit
    /// manager's state of the previous run and are not replayed.
    /// Call it on the engine thread, before the first live bar.
    /// </summary>
    public (IReadOnlyList<RestoredOrder> WorkingEntries, IReadOnlyList<OrderUpdate> CompletedUpdates) Restore(IReadOnlyList<RestoredOrder> restored, string exitOrderPrefix)
    {
        var workingEntries = new List<RestoredOrder>();
        var completed = new List<OrderUpdate>();
        foreach (var order in restored.OrderBy(o => o.SentTime))
        {
            var record = new OrderRecord(order.Request, order.SentTime);
            orders.Add(order.Request.ClientOrderId, record);
            orderList.Add(record);
            foreach (var update in order.Updates)
            {
                record.Apply(update);
            }
        }

        var fills = restored
            .SelectMany((order, index) => order.Fills.Select(fill => (Fill: fill, Order: index)))
            .OrderBy(entry => entry.Fill.Time)
            .ThenBy(entry => restored[entry.Order].SentTime)
            .Select(entry => entry.Fill);
        foreach (var fill in fills)
        {
            var record = orders[fill.ClientOrderId];
            var before = portfolio.PositionFor(fill.Symbol).Quantity;
            var realized = portfolio.Apply(fill);
            trades.OnFill(fill, before, realized);
            record.Apply(fill);
            FillCount++;
        }

        foreach (var order in restored)
        {
            var record = orders[order.Request.ClientOrderId];
            if (!record.Status.IsFinal() && record.FilledQuantity >= order.Request.Quantity)
            {
                // The fill was stored but the crash came before its Filled update: the venue is done with this order,
                // and sending it back would fill it twice.
                var filled = new OrderUpdate(order.Request.ClientOrderId, OrderStatus.Filled, order.Fills[^1].Time, record.FilledQuantity);
                record.Apply(filled);
                completed.Add(filled);
            }

            if (record.Status.IsFinal())
            {
                continue;
            }

            if (order.Request.ClientOrderId.StartsWith(exitOrderPrefix, StringComparison.Ordinal))
            {
                var cancelled = new OrderUpdate(order.Request.ClientOrderId, OrderStatus.Cancelled, clock.UtcNow, record.FilledQuantity,
                    "not resumed after the restart: exit orders are not replayed");
                record.Apply(cancelled);
                completed.Add(cancelled);
                continue;
            }

            workingOrdersBySymbol[order.Request.Symbol] = workingOrdersBySymbol.GetValueOrDefault(order.Request.Symbol) + 1;
            workingEntries.Add(order);
        }

        return (workingEntries, completed);
    }
}
