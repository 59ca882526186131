using System.Globalization;
using PluginBot.Engine.Exits;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Execution;

/// <summary>The execution engine's side of exit management: the exit manager decides, these send, cancel and record.</summary>
public sealed partial class ExecutionEngine
{
    /// <summary>True while an entry order (the strategy's, a flattening or a scale-in) for <paramref name="symbol"/> is working.</summary>
    internal bool HasWorkingEntryOrder(string symbol) => workingOrdersBySymbol.TryGetValue(symbol, out var working) && working > 0;

    /// <summary>
    /// Sends an exit order and records it as a decision with its reason. Exit orders are not counted as working
    /// entry orders, so they never block the strategy's next decision.
    /// </summary>
    internal void SendExitOrder(OrderRequest request, ExitOrderTag tag, in Bar bar, decimal positionBefore, decimal positionAfter, string reason)
    {
        var record = new OrderRecord(request, clock.UtcNow);
        orders.Add(request.ClientOrderId, record);
        orderList.Add(record);
        exitOrders.Add(request.ClientOrderId, tag);
        decisions.Add(new DecisionRecord(clock.UtcNow, bar.Symbol, Signal.Hold, bar.Close, positionBefore, positionAfter, DecisionOutcome.ExitOrderSent,
            request.ClientOrderId, reason, null, tag.Reason, tag.Reason == ExitReason.PartialExit ? tag.Target : null));
        Tracker.OnOrderSent(request.ClientOrderId, request.Symbol, bar.Close, clock.UtcNow);
        exchange.Submit(request);
    }

    /// <summary>Asks the exchange to cancel an exit order; the cancellation comes back through <see cref="OnOrderUpdate"/>.</summary>
    internal void CancelExitOrder(string clientOrderId) => exchange.Cancel(clientOrderId);

    /// <summary>Records that the symbol's exit orders are being cancelled, and why.</summary>
    internal void RecordExitCancellation(in Bar bar, string reason)
    {
        var position = portfolio.PositionFor(bar.Symbol).Quantity;
        decisions.Add(new DecisionRecord(clock.UtcNow, bar.Symbol, Signal.Hold, bar.Close, position, position, DecisionOutcome.ExitOrdersCancelled, null, reason));
    }

    /// <summary>Records an exit the instrument's rules would refuse, so the audit trail shows why a position is unprotected.</summary>
    internal void RecordExitNotPlaced(in Bar bar, decimal position, ExitReason reason, string problem) =>
        decisions.Add(new DecisionRecord(clock.UtcNow, bar.Symbol, Signal.Hold, bar.Close, position, position, DecisionOutcome.ExitNotPlaced, null, problem, null, reason));

    /// <summary>
    /// Adds <paramref name="quantity"/> to a winning position as an entry order: capped by the cash a long can spend,
    /// rounded to the lot, checked against the exchange's minimums, then assessed by every risk layer (a veto stops it,
    /// scales multiply), exactly like the strategy's own entries.
    /// </summary>
    internal void SendScaleIn(in Bar bar, int side, decimal quantity, string reason)
    {
        var rules = instruments.Get(bar.Symbol);
        var position = portfolio.PositionFor(bar.Symbol).Quantity;
        var signal = side > 0 ? Signal.Long() : Signal.Short();
        if (side > 0)
        {
            var affordable = rules.RoundQuantityDown(Math.Max(portfolio.Cash, 0m) / (bar.Close * rules.ContractMultiplier));
            quantity = Math.Min(quantity, affordable);
        }

        var orderSide = side > 0 ? OrderSide.Buy : OrderSide.Sell;
        var intent = new OrderIntent(bar.Symbol, orderSide, quantity, bar.Close, position);
        var scale = 1m;
        for (var index = 0; quantity > 0 && index < riskLayers.Count; index++)
        {
            var slot = riskLayers[index];
            var assessment = Assess(slot, in intent);
            if (assessment.Verdict == RiskVerdict.Veto)
            {
                decisions.Add(new DecisionRecord(clock.UtcNow, bar.Symbol, signal, bar.Close, position, position + (side * quantity), DecisionOutcome.Vetoed, null,
                    $"{reason}; {slot.Name}: {assessment.Reason}"));
                return;
            }

            if (assessment.Verdict == RiskVerdict.Scale)
            {
                scale *= assessment.Scale;
                reason = $"{reason}; {slot.Name}: {assessment.Reason}";
            }
        }

        quantity = rules.RoundQuantityDown(quantity * scale);
        if (rules.Check(quantity, bar.Close, priceIsOrderPrice: false) is { } problem)
        {
            decisions.Add(new DecisionRecord(clock.UtcNow, bar.Symbol, signal, bar.Close, position, position, DecisionOutcome.NotSized, null,
                string.Create(CultureInfo.InvariantCulture, $"{reason}; {problem}")));
            return;
        }

        var request = new OrderRequest(orderIds.Next(), bar.Symbol, orderSide, OrderType.Market, quantity);
        decisions.Add(new DecisionRecord(clock.UtcNow, bar.Symbol, signal, bar.Close, position, position + (side * quantity), DecisionOutcome.ScaleInSent,
            request.ClientOrderId, reason));
        Send(request);
    }
}
