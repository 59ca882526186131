using PluginBot.Engine.Execution;
using PluginBot.Engine.Exits;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Signals;
using static PluginBot.Engine.Tests.Exits.ExitHarness;

namespace PluginBot.Engine.Tests.Exits;

/// <summary>
/// Each exit at its exact trigger bar and price, worked out by hand. In every test the strategy asks to be long (or
/// short) at the close of bar 0, the entry fills at the open of bar 1 at 100.00, and the exit orders the policy
/// places at the close of bar 1 can trade from bar 2 on.
/// </summary>
public sealed class ExitTriggerTests
{
    private static readonly ExitPolicy TwoPercentStop = new() { StopLoss = PriceDistance.OfFraction(0.02m) };

    [Fact]
    public void StopLoss_LowReachesTheStopInsideABar_FillsAtTheStopOnThatBar()
    {
        var harness = new ExitHarness(TwoPercentStop, Script((0, Signal.Long()))).Run(
            Bar(0, 100m, 100m, 100m, 100m),
            Bar(1, 100m, 100.5m, 99.5m, 100m),
            Bar(2, 99.8m, 100m, 99m, 99.5m),
            Bar(3, 99.4m, 99.6m, 97.5m, 98.2m),
            Bar(4, 98m, 98m, 98m, 98m));

        var exit = harness.Fills[1];
        Assert.Equal((OrderSide.Sell, 1m, 98.00m, TestBarsTime(3)), (exit.Side, exit.Quantity, exit.Price, exit.Time));
        Assert.Equal(0m, harness.Portfolio.PositionFor(Symbol).Quantity);
        Assert.Equal([ExitReason.StopLoss], harness.Trades.ExitReasons);
        var decision = Assert.Single(harness.Execution.Decisions, record => record.ClientOrderId == exit.ClientOrderId);
        Assert.Equal((DecisionOutcome.ExitOrderSent, ExitReason.StopLoss), (decision.Outcome, decision.Exit));
        Assert.StartsWith("exit-", exit.ClientOrderId, StringComparison.Ordinal);
    }

    [Fact]
    public void StopLoss_BarOpensBelowTheStop_FillsAtThatBarsOpenNotAtTheStop()
    {
        var harness = new ExitHarness(TwoPercentStop, Script((0, Signal.Long()))).Run(
            Bar(0, 100m, 100m, 100m, 100m),
            Bar(1, 100m, 100.5m, 99.5m, 100m),
            Bar(2, 99.8m, 100m, 99m, 99.5m),
            Bar(3, 96.5m, 97m, 95m, 96m));

        var exit = harness.Fills[1];
        Assert.Equal((96.5m, TestBarsTime(3)), (exit.Price, exit.Time));
        Assert.Equal([ExitReason.StopLoss], harness.Trades.ExitReasons);
    }

    [Fact]
    public void TakeProfit_HighReachesTheTarget_FillsAtTheLimitAndCancelsTheStop()
    {
        var policy = TwoPercentStop with { TakeProfit = 0.05m };
        var harness = new ExitHarness(policy, Script((0, Signal.Long()))).Run(
            Bar(0, 100m, 100m, 100m, 100m),
            Bar(1, 100m, 100.5m, 99.5m, 100m),
            Bar(2, 101m, 104m, 100.5m, 103.5m),
            Bar(3, 104m, 105.5m, 103.8m, 105.2m),
            Bar(4, 105m, 105m, 105m, 105m));

        var exit = harness.Fills[1];
        Assert.Equal((105.00m, TestBarsTime(3), LiquidityRole.Maker), (exit.Price, exit.Time, exit.Liquidity));
        Assert.Equal([ExitReason.TakeProfit], harness.Trades.ExitReasons);
        var stop = Assert.Single(harness.ExitOrders, order => order.Request.Type == OrderType.StopMarket);
        Assert.Equal((98.00m, OrderStatus.Cancelled), (stop.Request.StopPrice, stop.Status));
    }

    [Fact]
    public void TrailingStop_RisingThenFallingPrices_OnlyMovesUpAndTriggersOnTheBarThatReachesIt()
    {
        // Activation at 2 %, trail 1 % behind the best high: 103 × 0.99 = 101.97, then 105 × 0.99 = 103.95; the
        // pull-back bar (high 104.8) must not lower it, and the bar whose low reaches 103.95 fills there.
        var policy = new ExitPolicy { TrailingStop = new TrailingStopPolicy(0.02m, PriceDistance.OfFraction(0.01m)) };
        var harness = new ExitHarness(policy, Script((0, Signal.Long()))).Run(
            Bar(0, 100m, 100m, 100m, 100m),
            Bar(1, 100m, 101m, 99.5m, 100.8m),
            Bar(2, 100.8m, 103m, 100.5m, 102.5m),
            Bar(3, 102.5m, 105m, 102.2m, 104.5m),
            Bar(4, 104.5m, 104.8m, 104m, 104.2m),
            Bar(5, 104.2m, 104.3m, 103.5m, 103.6m));

        Assert.Equal([101.97m, 103.95m], harness.ExitOrders.Select(order => order.Request.StopPrice!.Value));
        var exit = harness.Fills[1];
        Assert.Equal((103.95m, TestBarsTime(5)), (exit.Price, exit.Time));
        Assert.Equal([ExitReason.TrailingStop], harness.Trades.ExitReasons);
    }

    [Fact]
    public void PartialExits_ThreeSixAndTenPercent_TakeAQuarterAQuarterAndTheRestWhileTheStopFollowsThePosition()
    {
        var policy = new ExitPolicy
        {
            StopLoss = PriceDistance.OfFraction(0.05m),
            PartialExits = [new ProfitTarget(0.03m, 0.25m), new ProfitTarget(0.06m, 0.25m), new ProfitTarget(0.10m, 0.5m)],
        };
        var harness = new ExitHarness(policy, Script((0, Signal.Long()))).Run(
            Bar(0, 100m, 100m, 100m, 100m),
            Bar(1, 100m, 100.5m, 99.5m, 100m),
            Bar(2, 100.2m, 103.5m, 100m, 103.2m),
            Bar(3, 103.2m, 106.4m, 103m, 106m),
            Bar(4, 106m, 111m, 105.8m, 110.5m),
            Bar(5, 110m, 110m, 110m, 110m));

        var exits = harness.Fills.Skip(1).Select(fill => (fill.Quantity, fill.Price, fill.Time)).ToList();
        Assert.Equal([(0.25m, 103m, TestBarsTime(2)), (0.25m, 106m, TestBarsTime(3)), (0.5m, 110m, TestBarsTime(4))], exits);
        var stops = harness.ExitOrders.Where(order => order.Request.Type == OrderType.StopMarket).ToList();
        Assert.Equal([1m, 0.75m, 0.5m], stops.Select(order => order.Request.Quantity));
        Assert.All(stops, order => Assert.Equal(OrderStatus.Cancelled, order.Status));
        Assert.Equal([ExitReason.PartialExit], harness.Trades.ExitReasons);
        var levels = harness.Execution.Decisions.Where(record => record.ClientOrderId is not null && harness.Fills.Any(fill => fill.ClientOrderId == record.ClientOrderId && fill.Side == OrderSide.Sell));
        Assert.Equal([1, 2, 3], levels.Select(record => record.ExitLevel!.Value));
        Assert.DoesNotContain(harness.Execution.Orders, order => !order.Status.IsFinal());
    }

    [Fact]
    public void MaximumHoldingPeriod_ReachedAtABarsClose_SendsAMarketExitThatFillsAtTheNextOpen()
    {
        // Filled at 00:01; the bar closing at 00:04 completes three minutes, so the exit is decided then and fills at 00:04's open.
        var policy = new ExitPolicy { MaximumHoldingPeriod = TimeSpan.FromMinutes(3) };
        var harness = new ExitHarness(policy, Script((0, Signal.Long()))).Run(
            Bar(0, 100m, 100m, 100m, 100m),
            Bar(1, 100m, 100.5m, 99.5m, 100m),
            Bar(2, 100m, 100.5m, 99.5m, 100.2m),
            Bar(3, 100.2m, 100.6m, 100m, 100.4m),
            Bar(4, 101m, 101.5m, 100.8m, 101.2m),
            Bar(5, 101m, 101m, 101m, 101m));

        var exit = harness.Fills[1];
        Assert.Equal((101m, TestBarsTime(4)), (exit.Price, exit.Time));
        var decision = Assert.Single(harness.Execution.Decisions, record => record.ClientOrderId == exit.ClientOrderId);
        Assert.Equal((TestBarsTime(4), ExitReason.MaximumHoldingPeriod), (decision.Time, decision.Exit));
        Assert.Equal([ExitReason.MaximumHoldingPeriod], harness.Trades.ExitReasons);
    }

    [Fact]
    public void ShortPosition_HighReachesTheStopAbove_BuysBackAtTheStop()
    {
        var harness = new ExitHarness(TwoPercentStop, Script((0, Signal.Short()))).Run(
            Bar(0, 100m, 100m, 100m, 100m),
            Bar(1, 100m, 100.5m, 99.5m, 100m),
            Bar(2, 100.5m, 102.5m, 100.2m, 102.2m),
            Bar(3, 102m, 102m, 102m, 102m));

        var exit = harness.Fills[1];
        Assert.Equal((OrderSide.Buy, 1m, 102.00m, TestBarsTime(2)), (exit.Side, exit.Quantity, exit.Price, exit.Time));
        Assert.Equal(0m, harness.Portfolio.PositionFor(Symbol).Quantity);
        Assert.Equal([ExitReason.StopLoss], harness.Trades.ExitReasons);
    }

    [Fact]
    public void ShortPosition_TakeProfitAndPartialExit_AreBuyLimitsBelowTheEntry()
    {
        var policy = TwoPercentStop with { PartialExits = [new ProfitTarget(0.03m, 0.5m)], TakeProfit = 0.05m };
        var harness = new ExitHarness(policy, Script((0, Signal.Short()))).Run(
            Bar(0, 100m, 100m, 100m, 100m),
            Bar(1, 100m, 100.5m, 99.5m, 100m),
            Bar(2, 99m, 99.5m, 96.5m, 96.8m),
            Bar(3, 96.5m, 96.6m, 94.5m, 95m),
            Bar(4, 95m, 95m, 95m, 95m));

        var exits = harness.Fills.Skip(1).Select(fill => (fill.Side, fill.Quantity, fill.Price, fill.Time)).ToList();
        Assert.Equal([(OrderSide.Buy, 0.5m, 97m, TestBarsTime(2)), (OrderSide.Buy, 0.5m, 95m, TestBarsTime(3))], exits);
        Assert.Equal([ExitReason.TakeProfit], harness.Trades.ExitReasons);
    }

    private static DateTime TestBarsTime(int minute) => Infrastructure.TestBars.Origin.AddMinutes(minute);
}
