using PluginBot.Engine.Execution;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Portfolio;

namespace PluginBot.Engine.Backtest;

/// <summary>
/// What an operator can do to a running session (pause, flatten, trip the kill switch) and read from it. Every
/// member here must run on the engine's thread — a live host queues them between two events — because they read or
/// change state the kernel owns.
/// </summary>
public sealed partial class BacktestSession
{
    /// <summary>The composition this session runs.</summary>
    public string Name => composition.Name;

    /// <summary>While paused the strategy keeps seeing bars but its signals are ignored; exits and risk stay on.</summary>
    public bool Paused
    {
        get => guarded.Paused;
        set => guarded.Paused = value;
    }

    /// <summary>The version of the strategy deciding now.</summary>
    public string StrategyVersion => StrategySlot.CurrentVersion;

    /// <summary>The risk layers an operator can engage by hand (the kill switch).</summary>
    public IEnumerable<IManualSwitch> ManualSwitches => RiskSlots.Select(slot => slot.Current).OfType<IManualSwitch>();

    /// <summary>
    /// Pauses the strategy, cancels every working order (entries and exits: nothing sent earlier may fill after the
    /// flatten or shrink the position under it), and sends a reduce-only market order closing every open position
    /// (engine-decided orders, like exits: no sizer, and reductions pass every risk layer). Returns the orders sent.
    /// On the paper venue cancels take effect at once; a live venue confirms them asynchronously, so an order that
    /// fills before its cancel can still change the position — check the positions after a flatten there.
    /// </summary>
    public IReadOnlyList<OrderRequest> Flatten()
    {
        Paused = true;
        foreach (var symbol in execution.Orders.Where(o => !o.Status.IsFinal()).Select(o => o.Request.Symbol).Distinct(StringComparer.Ordinal).ToList())
        {
            execution.CancelWorkingOrders(symbol);
        }

        var sent = new List<OrderRequest>();
        foreach (var position in portfolio.Positions)
        {
            if (position.Quantity == 0)
            {
                continue;
            }

            var request = new OrderRequest(orderIds.Next(), position.Symbol, position.Quantity > 0 ? OrderSide.Sell : OrderSide.Buy, OrderType.Market,
                Math.Abs(position.Quantity), reduceOnly: true);
            execution.Send(request);
            sent.Add(request);
        }

        return sent;
    }

    /// <summary>Cash, equity, P&amp;L and open positions now.</summary>
    public PortfolioSnapshot Portfolio() => new(
        portfolio.Cash,
        portfolio.Equity,
        portfolio.RealizedProfitLoss,
        portfolio.DailyProfitLoss,
        portfolio.FeesPaid,
        portfolio.OpenPositions.ToArray());

    /// <summary>Every order sent so far (a copy).</summary>
    public IReadOnlyList<OrderRecord> OrdersSent() => execution.Orders.ToArray();

    /// <summary>Decision records from index <paramref name="from"/> on, at most <paramref name="count"/> (a copy).</summary>
    public IReadOnlyList<DecisionRecord> DecisionsFrom(int from, int count) =>
        execution.Decisions.Skip(Math.Max(0, from)).Take(Math.Max(0, count)).ToArray();

    /// <summary>How many decision records exist.</summary>
    public int DecisionCount => execution.Decisions.Count;

    /// <summary>
    /// Resumes a previous run's books before the first live bar, with no warm-up to replay against (engine thread):
    /// <see cref="BeginRestore"/> then <see cref="CompleteRestore"/>. Orders, fills, positions and round trips come
    /// back; what needs the bars in between (exit high-water marks, stop levels, day-start equity) does not — a resumed
    /// live run uses the two steps with its warm-up bars in between instead.
    /// </summary>
    public IReadOnlyList<OrderUpdate> Restore(IReadOnlyList<RestoredOrder> orders)
    {
        BeginRestore(orders);
        return CompleteRestore();
    }

    /// <summary>
    /// Hands a previous run's persisted orders to the session before its first bar. Until <see cref="CompleteRestore"/>,
    /// feed every warm-up bar to <see cref="ReplayRestored"/> just before the session handles it: the previous run's
    /// fills and state changes are booked at the bars they happened in, so positions are marked, the day rolls, risk
    /// layers observe and the exit manager follows the position exactly as in the uninterrupted run — while nothing is sent.
    /// </summary>
    public void BeginRestore(IReadOnlyList<RestoredOrder> orders)
    {
        exchange.ContinueTradeIdsAfter(orders.SelectMany(order => order.Fills).Select(fill => fill.TradeId).DefaultIfEmpty(0).Max());
        execution.BeginRestore(orders, $"{composition.Name}-exit-");
    }

    /// <summary>Books the restored events that happened before <paramref name="bar"/> closed; call it just before the session handles that warm-up bar.</summary>
    public void ReplayRestored(in Bar bar) => execution.ReplayRestored(in bar);

    /// <summary>
    /// Ends a restore just before the first live bar (engine thread): the orders still working — entries, and the exit
    /// orders the replay found the position still needs — go back to the paper venue under their own client order ids
    /// with their original arrival times, in the order they were sent (a stop ahead of its targets, as before); an order
    /// whose fills cover it comes back Filled and an exit order the replay did not need comes back cancelled. Returns
    /// those completed state changes so the caller can persist them.
    /// </summary>
    public IReadOnlyList<OrderUpdate> CompleteRestore()
    {
        var (working, completed) = execution.CompleteRestore();
        foreach (var order in working)
        {
            // The paper venue takes the order back with its original arrival time: it fills on the bar it would have.
            exchange.Resume(order.Request, order.SentTime, order.Updates.Any(update => update.Status != OrderStatus.PendingSubmit));
        }

        return completed;
    }

    /// <summary>Applies requested swaps now (engine thread, between two events — a live feed calls it while it waits).</summary>
    public void ApplyPendingSwaps() => kernel.ApplyPendingSwaps();

    /// <summary>Swaps applied or refused from index <paramref name="from"/> on (a copy).</summary>
    public IReadOnlyList<Hosting.SwapRecord> SwapsFrom(int from) => kernel.Swaps.Skip(Math.Max(0, from)).ToArray();
}

/// <summary>A copy of a session's portfolio at one moment.</summary>
/// <param name="Cash">Cash in the quote currency.</param>
/// <param name="Equity">Cash plus the market value of positions.</param>
/// <param name="RealizedProfitLoss">Realised profit and loss since the start.</param>
/// <param name="DailyProfitLoss">Equity change since 00:00 UTC.</param>
/// <param name="FeesPaid">Fees paid since the start.</param>
/// <param name="Positions">The open positions.</param>
public sealed record PortfolioSnapshot(decimal Cash, decimal Equity, decimal RealizedProfitLoss, decimal DailyProfitLoss, decimal FeesPaid, IReadOnlyList<PositionView> Positions);
