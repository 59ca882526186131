using PluginBot.Engine.Execution;
using PluginBot.Engine.Exits;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Signals;
using static PluginBot.Engine.Tests.Exits.ExitHarness;

namespace PluginBot.Engine.Tests.Exits;

/// <summary>How exit orders live beside the strategy's own decisions: cancellation, entries, scale-ins and the weekend.</summary>
public sealed class ExitInteractionTests
{
    private static readonly ExitPolicy StopAndTarget = new() { StopLoss = PriceDistance.OfFraction(0.02m), TakeProfit = 0.05m };

    [Fact]
    public void StrategyFlattensFirst_ExitOrdersResting_AreCancelledBeforeTheStrategysOrderFills()
    {
        var harness = new ExitHarness(StopAndTarget, Script((0, Signal.Long()), (2, Signal.Flat()))).Run(
            Bar(0, 100m, 100m, 100m, 100m),
            Bar(1, 100m, 100.5m, 99.5m, 100m),
            Bar(2, 100m, 101m, 99.5m, 100.5m),
            Bar(3, 97m, 97.5m, 96m, 97m),
            Bar(4, 97m, 97m, 97m, 97m));

        Assert.Equal(2, harness.ExitOrders.Count);
        Assert.All(harness.ExitOrders, order => Assert.Equal((OrderStatus.Cancelled, TestTime(3)), (order.Status, order.Updates[^1].Time)));
        var exit = harness.Fills[1];
        Assert.Equal((OrderSide.Sell, 1m, 97m), (exit.Side, exit.Quantity, exit.Price));
        Assert.StartsWith("entry-", exit.ClientOrderId, StringComparison.Ordinal);
        Assert.Equal([ExitReason.Signal], harness.Trades.ExitReasons);
        Assert.Contains(harness.Execution.Decisions, record => record.Outcome == DecisionOutcome.ExitOrdersCancelled);
    }

    [Fact]
    public void EntryDecision_WhileExitOrdersRest_IsSentAndTheNewPositionGetsItsOwnExits()
    {
        var harness = new ExitHarness(StopAndTarget, Script((0, Signal.Long()), (2, Signal.Short()))).Run(
            Bar(0, 100m, 100m, 100m, 100m),
            Bar(1, 100m, 100.5m, 99.5m, 100m),
            Bar(2, 100m, 101m, 99.5m, 100.5m),
            Bar(3, 100m, 100.5m, 99.8m, 100.2m),
            Bar(4, 100m, 100m, 100m, 100m));

        var flip = Assert.Single(harness.Execution.Decisions, record => record.Signal.Direction == SignalDirection.Short);
        Assert.Equal((DecisionOutcome.OrderSent, 1m, -1m), (flip.Outcome, flip.PositionBefore, flip.TargetPosition));
        Assert.Equal(-1m, harness.Portfolio.PositionFor(Symbol).Quantity);
        var working = harness.ExitOrders.Where(order => !order.Status.IsFinal()).Select(order => (order.Request.Side, order.Request.Type, order.Request.StopPrice, order.Request.LimitPrice)).ToList();
        Assert.Equal([(OrderSide.Buy, OrderType.StopMarket, (decimal?)102m, (decimal?)null), (OrderSide.Buy, OrderType.Limit, null, 95m)], working);
    }

    [Fact]
    public void ScaleIn_CloseGainsTwoPercent_AddsHalfTheFirstFillAndTheStopCoversTheWholePosition()
    {
        // 1 at 100 plus 0.5 at 102.60: average 100.8667, stop 5 % below it = 95.8233, rounded up to 95.83, for 1.5.
        var policy = new ExitPolicy { StopLoss = PriceDistance.OfFraction(0.05m), ScaleIn = new ScaleInPolicy([0.02m], 0.5m, 1) };
        var harness = new ExitHarness(policy, Script((0, Signal.Long()))).Run(
            Bar(0, 100m, 100m, 100m, 100m),
            Bar(1, 100m, 101m, 99.5m, 100.5m),
            Bar(2, 100.5m, 102.8m, 100.4m, 102.5m),
            Bar(3, 102.6m, 104m, 102.5m, 103.5m),
            Bar(4, 103.5m, 106m, 103.5m, 105.5m),
            Bar(5, 105m, 105m, 105m, 105m));

        Assert.Equal([(OrderSide.Buy, 1m, 100m), (OrderSide.Buy, 0.5m, 102.6m)], harness.Fills.Select(fill => (fill.Side, fill.Quantity, fill.Price)));
        Assert.Single(harness.Execution.Decisions, record => record.Outcome == DecisionOutcome.ScaleInSent);
        var stop = Assert.Single(harness.ExitOrders, order => !order.Status.IsFinal());
        Assert.Equal((1.5m, (decimal?)95.83m), (stop.Request.Quantity, stop.Request.StopPrice));
    }

    [Fact]
    public void WeekendFlat_FridayTwentyOne_ClosesAtMarketAndBlocksEntriesUntilMonday()
    {
        var policy = new ExitPolicy { WeekendFlat = new WeekendFlatPolicy(DayOfWeek.Friday, TimeSpan.FromHours(21), DayOfWeek.Monday, TimeSpan.Zero) };
        var friday = new DateTime(2024, 1, 5, 17, 0, 0, DateTimeKind.Utc);
        var monday = new DateTime(2024, 1, 8, 0, 0, 0, DateTimeKind.Utc);
        var harness = new ExitHarness(policy, Script((0, Signal.Long()), (5, Signal.Long()), (6, Signal.Long()))).Run(
            Hour(friday, 100m), Hour(friday.AddHours(1), 100m), Hour(friday.AddHours(2), 101m), Hour(friday.AddHours(3), 102m),
            Hour(friday.AddHours(4), 103m), Hour(friday.AddHours(5), 104m), Hour(monday, 105m), Hour(monday.AddHours(1), 106m));

        // Bar 3 closes at 21:00: the exit is decided then and fills at the open of the bar starting 21:00.
        var exit = harness.Fills[1];
        Assert.Equal((OrderSide.Sell, 103m, friday.AddHours(4)), (exit.Side, exit.Price, exit.Time));
        Assert.Equal([ExitReason.Weekend], harness.Trades.ExitReasons);
        var blocked = Assert.Single(harness.Execution.Decisions, record => record.Outcome == DecisionOutcome.BlockedByExitPolicy);
        Assert.Equal(friday.AddHours(6), blocked.Time);
        var reentry = harness.Fills[2];
        Assert.Equal((OrderSide.Buy, 106m, monday.AddHours(1)), (reentry.Side, reentry.Price, reentry.Time));
    }

    private static Bar Hour(DateTime start, decimal price) => new(Symbol, BarInterval.OneHour, start, price, price, price, price, 1_000m);

    private static DateTime TestTime(int minute) => Infrastructure.TestBars.Origin.AddMinutes(minute);
}
