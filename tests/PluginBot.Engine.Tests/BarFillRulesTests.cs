using PluginBot.Engine.Exchange;
using PluginBot.Engine.Tests.Infrastructure;
using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Tests;

/// <summary>
/// The fill rules against one bar: every order type, both sides, touched, gapped and untouched. Prices are chosen so
/// that open, high, low, limit and stop are all different numbers and the expected price names its source.
/// </summary>
public sealed class BarFillRulesTests
{
    private const string Symbol = "BTCUSDT";

    [Fact]
    public void Evaluate_MarketBuy_FillsAtTheBarOpenAsTakerWithSlippage()
    {
        var bar = TestBars.Minute(Symbol, 1, open: 100m, high: 104m, low: 97m, close: 103m);

        var outcome = BarFillRules.Evaluate(Market(OrderSide.Buy), in bar, arrivedThisBar: true, triggered: false);

        Assert.Equal(new BarFillOutcome(true, 100m, LiquidityRole.Taker, false, true), outcome);
    }

    [Fact]
    public void Evaluate_MarketSell_FillsAtTheBarOpenAsTakerWithSlippage()
    {
        var bar = TestBars.Minute(Symbol, 1, open: 100m, high: 104m, low: 97m, close: 98m);

        var outcome = BarFillRules.Evaluate(Market(OrderSide.Sell), in bar, arrivedThisBar: true, triggered: false);

        Assert.Equal(new BarFillOutcome(true, 100m, LiquidityRole.Taker, false, true), outcome);
    }

    [Fact]
    public void Evaluate_LimitBuyWhoseLimitTheLowTouches_FillsAtTheLimitAsMaker()
    {
        // Opens at 100 above the limit 99, trades down to 98: the resting bid at 99 is hit.
        var bar = TestBars.Minute(Symbol, 1, open: 100m, high: 101m, low: 98m, close: 100.5m);

        var outcome = BarFillRules.Evaluate(Limit(OrderSide.Buy, 99m), in bar, arrivedThisBar: true, triggered: false);

        Assert.Equal(new BarFillOutcome(true, 99m, LiquidityRole.Maker, false, false), outcome);
    }

    [Fact]
    public void Evaluate_RestingLimitBuyWhenTheBarOpensBelowTheLimit_FillsAtTheLimitAsMaker()
    {
        // A resting bid at 99 is hit at 99 on the way down to the 97 open: the gap's better price is not credited.
        var bar = TestBars.Minute(Symbol, 1, open: 97m, high: 98m, low: 96m, close: 97.5m);

        var outcome = BarFillRules.Evaluate(Limit(OrderSide.Buy, 99m), in bar, arrivedThisBar: false, triggered: false);

        Assert.Equal(new BarFillOutcome(true, 99m, LiquidityRole.Maker, false, false), outcome);
    }

    [Fact]
    public void Evaluate_ArrivingLimitBuyWhenTheBarOpensBelowTheLimit_FillsAtTheOpenAsTaker()
    {
        // Arriving when the market is already at 97, below the 99 limit: marketable, it takes the open.
        var bar = TestBars.Minute(Symbol, 1, open: 97m, high: 98m, low: 96m, close: 97.5m);

        var outcome = BarFillRules.Evaluate(Limit(OrderSide.Buy, 99m), in bar, arrivedThisBar: true, triggered: false);

        Assert.Equal(new BarFillOutcome(true, 97m, LiquidityRole.Taker, false, false), outcome);
    }

    [Fact]
    public void Evaluate_LimitBuyWhoseLowStaysAboveTheLimit_DoesNotFill()
    {
        var bar = TestBars.Minute(Symbol, 1, open: 100m, high: 101m, low: 99.01m, close: 100m);

        var outcome = BarFillRules.Evaluate(Limit(OrderSide.Buy, 99m), in bar, arrivedThisBar: true, triggered: false);

        Assert.False(outcome.Fills);
    }

    [Fact]
    public void Evaluate_LimitBuyMarketableOnArrival_IsTaker()
    {
        // The bid 99 is above the first price the order sees (97): it crosses the spread on arrival.
        var bar = TestBars.Minute(Symbol, 1, open: 97m, high: 98m, low: 96m, close: 97.5m);

        var outcome = BarFillRules.Evaluate(Limit(OrderSide.Buy, 99m), in bar, arrivedThisBar: true, triggered: false);

        Assert.Equal(LiquidityRole.Taker, outcome.Liquidity);
        Assert.Equal(97m, outcome.Price);
    }

    [Fact]
    public void Evaluate_LimitBuyThatRestedAndIsGappedThrough_IsMaker()
    {
        // The same gap on a later bar: the order was on the book first, so it provided liquidity.
        var bar = TestBars.Minute(Symbol, 2, open: 97m, high: 98m, low: 96m, close: 97.5m);

        var outcome = BarFillRules.Evaluate(Limit(OrderSide.Buy, 99m), in bar, arrivedThisBar: false, triggered: false);

        Assert.Equal(LiquidityRole.Maker, outcome.Liquidity);
    }

    [Fact]
    public void Evaluate_LimitSellWhoseLimitTheHighTouches_FillsAtTheLimitAsMaker()
    {
        var bar = TestBars.Minute(Symbol, 1, open: 100m, high: 102m, low: 99m, close: 101m);

        var outcome = BarFillRules.Evaluate(Limit(OrderSide.Sell, 101.5m), in bar, arrivedThisBar: true, triggered: false);

        Assert.Equal(new BarFillOutcome(true, 101.5m, LiquidityRole.Maker, false, false), outcome);
    }

    [Fact]
    public void Evaluate_RestingLimitSellWhenTheBarOpensAboveTheLimit_FillsAtTheLimitAsMaker()
    {
        // A resting offer at 101.5 is lifted at 101.5 on the way up to the 103 open.
        var bar = TestBars.Minute(Symbol, 1, open: 103m, high: 104m, low: 102m, close: 103m);

        var outcome = BarFillRules.Evaluate(Limit(OrderSide.Sell, 101.5m), in bar, arrivedThisBar: false, triggered: false);

        Assert.Equal(new BarFillOutcome(true, 101.5m, LiquidityRole.Maker, false, false), outcome);
    }

    [Fact]
    public void Evaluate_LimitSellMarketableOnArrival_IsTaker()
    {
        var bar = TestBars.Minute(Symbol, 1, open: 103m, high: 104m, low: 102m, close: 103m);

        var outcome = BarFillRules.Evaluate(Limit(OrderSide.Sell, 101.5m), in bar, arrivedThisBar: true, triggered: false);

        Assert.Equal(LiquidityRole.Taker, outcome.Liquidity);
        Assert.Equal(103m, outcome.Price);
    }

    [Fact]
    public void Evaluate_LimitSellWhoseHighStaysBelowTheLimit_DoesNotFill()
    {
        var bar = TestBars.Minute(Symbol, 1, open: 100m, high: 101.49m, low: 99m, close: 101m);

        var outcome = BarFillRules.Evaluate(Limit(OrderSide.Sell, 101.5m), in bar, arrivedThisBar: true, triggered: false);

        Assert.False(outcome.Fills);
    }

    [Fact]
    public void Evaluate_StopMarketBuyWhoseStopTheHighTouches_FillsAtTheStopAsTakerWithSlippage()
    {
        var bar = TestBars.Minute(Symbol, 1, open: 100m, high: 103m, low: 99m, close: 102m);

        var outcome = BarFillRules.Evaluate(StopMarket(OrderSide.Buy, 102m), in bar, arrivedThisBar: true, triggered: false);

        Assert.Equal(new BarFillOutcome(true, 102m, LiquidityRole.Taker, true, true), outcome);
    }

    [Fact]
    public void Evaluate_StopMarketBuyWhenTheBarOpensAboveTheStop_FillsAtTheWorseOpen()
    {
        // Gapped up from below 102 to 105: nobody could buy at 102, the first trade is 105.
        var bar = TestBars.Minute(Symbol, 1, open: 105m, high: 106m, low: 104m, close: 105m);

        var outcome = BarFillRules.Evaluate(StopMarket(OrderSide.Buy, 102m), in bar, arrivedThisBar: true, triggered: false);

        Assert.Equal(new BarFillOutcome(true, 105m, LiquidityRole.Taker, true, true), outcome);
    }

    [Fact]
    public void Evaluate_StopMarketBuyWhoseStopIsNotReached_DoesNotFill()
    {
        var bar = TestBars.Minute(Symbol, 1, open: 100m, high: 101.99m, low: 99m, close: 101m);

        var outcome = BarFillRules.Evaluate(StopMarket(OrderSide.Buy, 102m), in bar, arrivedThisBar: true, triggered: false);

        Assert.False(outcome.Fills);
        Assert.False(outcome.Triggered);
    }

    [Fact]
    public void Evaluate_StopMarketSellWhoseStopTheLowTouches_FillsAtTheStopAsTakerWithSlippage()
    {
        var bar = TestBars.Minute(Symbol, 1, open: 100m, high: 101m, low: 97m, close: 98m);

        var outcome = BarFillRules.Evaluate(StopMarket(OrderSide.Sell, 98m), in bar, arrivedThisBar: true, triggered: false);

        Assert.Equal(new BarFillOutcome(true, 98m, LiquidityRole.Taker, true, true), outcome);
    }

    [Fact]
    public void Evaluate_StopMarketSellWhenTheBarOpensBelowTheStop_FillsAtTheWorseOpen()
    {
        var bar = TestBars.Minute(Symbol, 1, open: 95m, high: 96m, low: 94m, close: 95m);

        var outcome = BarFillRules.Evaluate(StopMarket(OrderSide.Sell, 98m), in bar, arrivedThisBar: true, triggered: false);

        Assert.Equal(new BarFillOutcome(true, 95m, LiquidityRole.Taker, true, true), outcome);
    }

    [Fact]
    public void Evaluate_StopMarketSellWhoseStopIsNotReached_DoesNotFill()
    {
        var bar = TestBars.Minute(Symbol, 1, open: 100m, high: 101m, low: 98.01m, close: 99m);

        var outcome = BarFillRules.Evaluate(StopMarket(OrderSide.Sell, 98m), in bar, arrivedThisBar: true, triggered: false);

        Assert.False(outcome.Fills);
    }

    [Fact]
    public void Evaluate_StopLimitBuyTriggeredWithinItsLimit_FillsAtTheStopAsTakerWithoutSlippage()
    {
        // Stop 102, limit 102.5: the high 103 triggers at 102, which is within the limit.
        var bar = TestBars.Minute(Symbol, 1, open: 100m, high: 103m, low: 99m, close: 102m);

        var outcome = BarFillRules.Evaluate(StopLimit(OrderSide.Buy, stop: 102m, limit: 102.5m), in bar, arrivedThisBar: true, triggered: false);

        Assert.Equal(new BarFillOutcome(true, 102m, LiquidityRole.Taker, true, false), outcome);
    }

    [Fact]
    public void Evaluate_StopLimitBuyGappedAboveItsLimit_TriggersButRests()
    {
        // Opens at 104: the stop 102 is triggered at 104, which is above the limit 102.5, so nothing trades yet.
        var bar = TestBars.Minute(Symbol, 1, open: 104m, high: 105m, low: 103m, close: 104m);

        var outcome = BarFillRules.Evaluate(StopLimit(OrderSide.Buy, stop: 102m, limit: 102.5m), in bar, arrivedThisBar: true, triggered: false);

        Assert.False(outcome.Fills);
        Assert.True(outcome.Triggered);
    }

    [Fact]
    public void Evaluate_TriggeredStopLimitBuyOnALaterBar_FillsAsARestingLimitAtTheLimit()
    {
        // Second bar after the gap: opens 103.5 (above the limit), trades down to 102: the resting bid 102.5 is hit.
        var bar = TestBars.Minute(Symbol, 2, open: 103.5m, high: 104m, low: 102m, close: 102.2m);

        var outcome = BarFillRules.Evaluate(StopLimit(OrderSide.Buy, stop: 102m, limit: 102.5m), in bar, arrivedThisBar: false, triggered: true);

        Assert.Equal(new BarFillOutcome(true, 102.5m, LiquidityRole.Maker, true, false), outcome);
    }

    [Fact]
    public void Evaluate_TriggeredStopLimitBuyOnALaterBarThatStaysAboveTheLimit_KeepsResting()
    {
        var bar = TestBars.Minute(Symbol, 2, open: 104m, high: 105m, low: 102.51m, close: 104m);

        var outcome = BarFillRules.Evaluate(StopLimit(OrderSide.Buy, stop: 102m, limit: 102.5m), in bar, arrivedThisBar: false, triggered: true);

        Assert.False(outcome.Fills);
        Assert.True(outcome.Triggered);
    }

    [Fact]
    public void Evaluate_StopLimitSellTriggeredWithinItsLimit_FillsAtTheStop()
    {
        // Stop 98, limit 97.5: the low 97 triggers at 98, which is at or above the limit.
        var bar = TestBars.Minute(Symbol, 1, open: 100m, high: 101m, low: 97m, close: 98m);

        var outcome = BarFillRules.Evaluate(StopLimit(OrderSide.Sell, stop: 98m, limit: 97.5m), in bar, arrivedThisBar: true, triggered: false);

        Assert.Equal(new BarFillOutcome(true, 98m, LiquidityRole.Taker, true, false), outcome);
    }

    [Fact]
    public void Evaluate_StopLimitSellGappedBelowItsLimit_TriggersButRests()
    {
        var bar = TestBars.Minute(Symbol, 1, open: 96m, high: 97m, low: 95m, close: 96m);

        var outcome = BarFillRules.Evaluate(StopLimit(OrderSide.Sell, stop: 98m, limit: 97.5m), in bar, arrivedThisBar: true, triggered: false);

        Assert.False(outcome.Fills);
        Assert.True(outcome.Triggered);
    }

    [Fact]
    public void Evaluate_TriggeredStopLimitSellOnALaterBar_FillsAsARestingLimitAtTheLimit()
    {
        // Opens 96.5 (below the limit 97.5), rallies to 98: the resting offer 97.5 is lifted.
        var bar = TestBars.Minute(Symbol, 2, open: 96.5m, high: 98m, low: 96m, close: 97.8m);

        var outcome = BarFillRules.Evaluate(StopLimit(OrderSide.Sell, stop: 98m, limit: 97.5m), in bar, arrivedThisBar: false, triggered: true);

        Assert.Equal(new BarFillOutcome(true, 97.5m, LiquidityRole.Maker, true, false), outcome);
    }

    [Fact]
    public void Evaluate_StopLimitSellWhoseStopIsNotReached_DoesNotTrigger()
    {
        var bar = TestBars.Minute(Symbol, 1, open: 100m, high: 101m, low: 98.01m, close: 99m);

        var outcome = BarFillRules.Evaluate(StopLimit(OrderSide.Sell, stop: 98m, limit: 97.5m), in bar, arrivedThisBar: true, triggered: false);

        Assert.False(outcome.Fills);
        Assert.False(outcome.Triggered);
    }

    private static OrderRequest Market(OrderSide side) => new("order-1", Symbol, side, OrderType.Market, 1m);

    private static OrderRequest Limit(OrderSide side, decimal limit) => new("order-1", Symbol, side, OrderType.Limit, 1m, limitPrice: limit);

    private static OrderRequest StopMarket(OrderSide side, decimal stop) => new("order-1", Symbol, side, OrderType.StopMarket, 1m, stopPrice: stop);

    private static OrderRequest StopLimit(OrderSide side, decimal stop, decimal limit) =>
        new("order-1", Symbol, side, OrderType.StopLimit, 1m, limitPrice: limit, stopPrice: stop);
}
