using PluginBot.Engine.Execution;
using PluginBot.Properties.Tests.Infrastructure;
using PluginBot.Sdk.Orders;
using Xunit.Abstractions;
using static PluginBot.Properties.Tests.Infrastructure.ScenarioRun;

namespace PluginBot.Properties.Tests;

/// <summary>
/// Issue 8, every order legal for its instrument: whatever the sizer, the risk scales and the prices, the engine
/// only sends orders the exchange's lot, minimum-quantity and minimum-notional rules accept.
/// </summary>
public sealed class OrderLegalityProperties(ITestOutputHelper output)
{
    private static readonly string[] RuleWords = ["lot size", "minimum quantity", "minimum notional", "tick size", "must be positive"];

    /// <summary>
    /// Each sent order: a whole number of lots, at least the minimum quantity, and a notional at the decision's
    /// reference price (the last close, which is also the price the exchange checks a market order against) of at
    /// least 5 USDT. No order is rejected for an instrument rule (rejections for cash or leverage after a gap are
    /// legitimate and happen). Fills are on the tick grid, fill the whole order, and a cash account never goes short.
    /// </summary>
    [Fact]
    public void OrderLegality_RandomSequences_EverySentOrderKeepsTheInstrumentRules()
    {
        var coverage = new Coverage();
        PropertyCheck.ForAll(RequiredLayer.None, seed: 8_005, run =>
        {
            var references = run.Result.Decisions.Where(decision => decision.ClientOrderId is not null)
                .ToDictionary(decision => decision.ClientOrderId!, decision => decision.ReferencePrice, StringComparer.Ordinal);
            foreach (var order in run.Result.Orders)
            {
                var quantity = order.Request.Quantity;
                var reference = references[order.Request.ClientOrderId];
                Assert.Equal(OrderType.Market, order.Request.Type);
                Assert.True(quantity % LotSize == 0m, $"{order.Request.ClientOrderId}: quantity {quantity} is not a whole number of lots");
                Assert.True(quantity >= LotSize, $"{order.Request.ClientOrderId}: quantity {quantity} is below the minimum quantity");
                Assert.True(quantity * reference >= MinimumNotional, $"{order.Request.ClientOrderId}: notional {quantity} × {reference} is below the minimum notional");
                if (order.Status == OrderStatus.Rejected)
                {
                    Assert.DoesNotContain(RuleWords, word => order.Reason!.Contains(word, StringComparison.Ordinal));
                    coverage.Count("rejections for cash or leverage");
                }

                foreach (var fill in order.Fills)
                {
                    Assert.True(fill.Price % TickSize == 0m, $"{fill.ClientOrderId}: fill price {fill.Price} is off the tick grid");
                    Assert.Equal(quantity, fill.Quantity);
                }
            }

            if (!run.Scenario.AllowShort)
            {
                var positions = new Dictionary<string, decimal>(StringComparer.Ordinal);
                foreach (var fill in run.Result.Orders.SelectMany(order => order.Fills).OrderBy(fill => fill.TradeId))
                {
                    positions[fill.Symbol] = positions.GetValueOrDefault(fill.Symbol) + Signed(fill);
                    Assert.True(positions[fill.Symbol] >= 0m, $"{fill.ClientOrderId}: a cash account went short ({positions[fill.Symbol]} {fill.Symbol})");
                }
            }

            coverage.Count("runs with orders", run.Result.Orders.Count > 0);
            coverage.Count("runs with an order the minimum notional stopped",
                run.Result.Decisions.Any(decision => decision.Outcome == DecisionOutcome.NotSized && decision.Reason?.Contains("minimum notional", StringComparison.Ordinal) == true));
            coverage.Count("runs with a scaled order", run.Result.Decisions.Any(decision => decision.Outcome == DecisionOutcome.OrderSent && decision.Reason is not null));
        });

        output.WriteLine(coverage.ToString());
        coverage.AtLeast("runs with orders", 6_000);
        coverage.AtLeast("runs with an order the minimum notional stopped", 50);
        coverage.AtLeast("runs with a scaled order", 1_000);
    }

    /// <summary>
    /// A kill switch engaged by the settings blocks every entry, whatever the other layers and the signals: no order
    /// opens a position, so none is ever sent (every run starts flat and has nothing to close).
    /// </summary>
    [Fact]
    public void KillSwitch_EngagedFromTheStart_NoOrderIsEverSent()
    {
        var coverage = new Coverage();
        PropertyCheck.ForAll(RequiredLayer.KillSwitchEngaged, seed: 8_006, run =>
        {
            Assert.Empty(run.Result.Orders);
            var vetoed = run.Result.Decisions.Count(decision => decision.Outcome == DecisionOutcome.Vetoed
                && decision.Reason?.StartsWith("risk-kill-switch: the kill switch is engaged", StringComparison.Ordinal) == true);
            coverage.Count("runs with a kill-switch veto", vetoed > 0);
        }, count: 2_000);

        output.WriteLine(coverage.ToString());
        coverage.AtLeast("runs with a kill-switch veto", 1_000);
    }
}
