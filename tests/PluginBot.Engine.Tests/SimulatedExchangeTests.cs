using PluginBot.Engine.Exchange;
using PluginBot.Engine.Tests.Infrastructure;
using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Tests;

/// <summary>
/// The simulated exchange driven directly, bar by bar: when orders may trade (never on the bar they were decided
/// on), what they cost (fees, slippage on the tick grid) and which rule refuses them.
/// </summary>
public sealed class SimulatedExchangeTests
{
    private const string Symbol = ExchangeHarness.Symbol;

    [Fact]
    public void OnBar_OrderSubmittedAtTheCloseOfBarT_NeverFillsOnBarTAndFillsAtTheOpenOfBarTPlusOne()
    {
        var harness = new ExchangeHarness();
        var decisionBar = TestBars.Minute(Symbol, 0, open: 16_900m, high: 17_100m, low: 16_800m, close: 17_050m);
        harness.Feed(decisionBar);
        harness.Submit(Market("order-1", OrderSide.Buy, 2m));

        // Bar t delivered again (a feed replaying it, or a second symbol closing at the same instant) must not trade it.
        harness.Exchange.OnBar(in decisionBar);
        Assert.Empty(harness.Sink.Fills);

        harness.Feed(TestBars.Minute(Symbol, 1, open: 17_000m, high: 17_200m, low: 16_950m, close: 17_150m));

        var fill = Assert.Single(harness.Sink.Fills);
        Assert.Equal(17_000m, fill.Price);
        Assert.Equal(TestBars.Origin.AddMinutes(1), fill.Time);
        Assert.Equal(OrderStatus.Filled, harness.Sink.LastUpdateFor("order-1").Status);
    }

    [Fact]
    public void OnBar_LatencyLongerThanABar_FillsOnTheFirstBarStartingAfterArrival()
    {
        // Sent at 00:01:00 with 90 s latency: arrives 00:02:30. The bars opening at 00:01 and 00:02 opened before it
        // arrived (their opens are prices it never saw); the bar opening at 00:03 is the first it can trade on.
        var harness = new ExchangeHarness(new SimulatedExchangeOptions { Latency = TimeSpan.FromSeconds(90) });
        harness.Feed(TestBars.Flat(Symbol, 0, 17_000m));
        harness.Submit(Market("order-1", OrderSide.Buy, 1m));

        harness.Feed(TestBars.Minute(Symbol, 1, open: 17_010m, high: 17_030m, low: 17_000m, close: 17_020m));
        harness.Feed(TestBars.Minute(Symbol, 2, open: 17_020m, high: 17_040m, low: 17_010m, close: 17_030m));
        Assert.Empty(harness.Sink.Fills);

        harness.Feed(TestBars.Minute(Symbol, 3, open: 17_035m, high: 17_050m, low: 17_020m, close: 17_040m));

        var fill = Assert.Single(harness.Sink.Fills);
        Assert.Equal(17_035m, fill.Price);
        Assert.Equal(TestBars.Origin.AddMinutes(3), fill.Time);
    }

    [Fact]
    public void OnBar_MarketFill_ChargesTheTakerFeeOnTheNotional()
    {
        // 10 bps taker on 2 × 17,000 = 34,000 notional: 34,000 × 10 / 10,000 = 34.
        var harness = new ExchangeHarness(new SimulatedExchangeOptions { Fees = new FeeSchedule(2m, 10m) });
        harness.Feed(TestBars.Flat(Symbol, 0, 17_050m));
        harness.Submit(Market("order-1", OrderSide.Buy, 2m));
        harness.Feed(TestBars.Minute(Symbol, 1, open: 17_000m, high: 17_100m, low: 16_990m, close: 17_050m));

        var fill = Assert.Single(harness.Sink.Fills);
        Assert.Equal(LiquidityRole.Taker, fill.Liquidity);
        Assert.Equal(34m, fill.Fee);
        Assert.Equal(100_000m - 34_000m - 34m, harness.Portfolio.Cash);
    }

    [Fact]
    public void OnBar_RestingLimitFill_ChargesTheMakerFeeOnTheNotional()
    {
        // A bid at 16,950 below the open 17,000 rests and is hit: 2 bps maker on 2 × 16,950 = 33,900 is 6.78.
        var harness = new ExchangeHarness(new SimulatedExchangeOptions { Fees = new FeeSchedule(2m, 10m) });
        harness.Feed(TestBars.Flat(Symbol, 0, 17_050m));
        harness.Submit(Limit("order-1", OrderSide.Buy, 2m, 16_950m));
        harness.Feed(TestBars.Minute(Symbol, 1, open: 17_000m, high: 17_100m, low: 16_900m, close: 17_050m));

        var fill = Assert.Single(harness.Sink.Fills);
        Assert.Equal(LiquidityRole.Maker, fill.Liquidity);
        Assert.Equal(16_950m, fill.Price);
        Assert.Equal(6.78m, fill.Fee);
    }

    [Fact]
    public void OnBar_FixedSlippageOnAMarketBuy_RaisesThePriceAndRoundsUpToTheTick()
    {
        // 17,000.05 × (1 + 1 bp) = 17,000.05 + 1.700005 = 17,001.750005, rounded up to the cent: 17,001.76.
        var harness = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = new FixedBasisPointsSlippage(1m) });
        harness.Feed(TestBars.Flat(Symbol, 0, 17_000m));
        harness.Submit(Market("order-1", OrderSide.Buy, 1m));
        harness.Feed(TestBars.Minute(Symbol, 1, open: 17_000.05m, high: 17_100m, low: 16_990m, close: 17_050m));

        Assert.Equal(17_001.76m, Assert.Single(harness.Sink.Fills).Price);
    }

    [Fact]
    public void OnBar_FixedSlippageOnAMarketSell_LowersThePriceAndRoundsDownToTheTick()
    {
        // 17,000.05 × (1 − 1 bp) = 17,000.05 − 1.700005 = 16,998.349995, rounded down to the cent: 16,998.34.
        var harness = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = new FixedBasisPointsSlippage(1m), AllowShortSelling = true });
        harness.Feed(TestBars.Flat(Symbol, 0, 17_000m));
        harness.Submit(Market("order-1", OrderSide.Sell, 1m));
        harness.Feed(TestBars.Minute(Symbol, 1, open: 17_000.05m, high: 17_100m, low: 16_990m, close: 17_050m));

        Assert.Equal(16_998.34m, Assert.Single(harness.Sink.Fills).Price);
    }

    [Fact]
    public void OnBar_LimitFill_IsNotSlipped()
    {
        // Slippage models the spread a market order crosses; a limit trades at its price or better, never worse.
        var harness = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = new FixedBasisPointsSlippage(50m) });
        harness.Feed(TestBars.Flat(Symbol, 0, 17_050m));
        harness.Submit(Limit("order-1", OrderSide.Buy, 1m, 16_950m));
        harness.Feed(TestBars.Minute(Symbol, 1, open: 17_000m, high: 17_100m, low: 16_900m, close: 17_050m));

        Assert.Equal(16_950m, Assert.Single(harness.Sink.Fills).Price);
    }

    [Fact]
    public void OnBar_VolumeShareSlippage_MovesThePriceByImpactTimesShareSquared()
    {
        // Buying 1 of a bar's 100: share 0.01; move = 20,000 × 0.1 × 0.01² = 0.20, so 20,000.20.
        var harness = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = new VolumeShareSlippage(0.1m, 0.025m) });
        harness.Feed(TestBars.Flat(Symbol, 0, 20_000m));
        harness.Submit(Market("order-1", OrderSide.Buy, 1m));
        harness.Feed(TestBars.Minute(Symbol, 1, open: 20_000m, high: 20_100m, low: 19_900m, close: 20_050m, volume: 100m));

        var fill = Assert.Single(harness.Sink.Fills);
        Assert.Equal(20_000.20m, fill.Price);
        Assert.Equal(20.0002m, fill.Fee); // 10 bps of 20,000.20
    }

    [Fact]
    public void Apply_VolumeShareAboveTheLimit_IsCappedAtTheLimit()
    {
        // Selling 5 of 100 is a 5 % share, capped at 2.5 %: move = 20,000 × 0.1 × 0.025² = 1.25.
        var slippage = new VolumeShareSlippage(0.1m, 0.025m);
        var bar = TestBars.Minute(Symbol, 1, open: 20_000m, high: 20_100m, low: 19_900m, close: 20_050m, volume: 100m);

        Assert.Equal(19_998.75m, slippage.Apply(OrderSide.Sell, 20_000m, 5m, in bar));
        Assert.Equal(20_001.25m, slippage.Apply(OrderSide.Buy, 20_000m, 5m, in bar));
    }

    [Fact]
    public void Submit_QuantityNotAMultipleOfTheLotSize_IsRejectedNamingTheLotSize()
    {
        var harness = FedHarness();

        harness.Submit(Market("order-1", OrderSide.Buy, 0.000015m));

        AssertRejected(harness, "order-1", "quantity 0.000015 is not a multiple of the lot size 0.00001 for BTCUSDT");
    }

    [Fact]
    public void Submit_BelowTheMinimumNotional_IsRejectedNamingTheMinimum()
    {
        // 0.0001 × 17,000 = 1.7 USDT, below the 10 USDT minimum.
        var harness = FedHarness();

        harness.Submit(Market("order-1", OrderSide.Buy, 0.0001m));

        AssertRejected(harness, "order-1", "is below the minimum notional 10 for BTCUSDT");
    }

    [Fact]
    public void Submit_LimitPriceOffTheTickGrid_IsRejectedNamingTheTickSize()
    {
        var harness = FedHarness();

        harness.Submit(Limit("order-1", OrderSide.Buy, 1m, 16_999.995m));

        AssertRejected(harness, "order-1", "price 16999.995 is not a multiple of the tick size 0.01 for BTCUSDT");
    }

    [Fact]
    public void Submit_UnknownSymbol_IsRejectedNamingTheSymbol()
    {
        var harness = FedHarness();

        harness.Submit(new OrderRequest("order-1", "ETHUSDT", OrderSide.Buy, OrderType.Market, 1m));

        AssertRejected(harness, "order-1", "unknown symbol ETHUSDT");
    }

    [Fact]
    public void Submit_MarketOrderBeforeAnyPriceIsKnown_IsRejectedBecauseItsNotionalCannotBeChecked()
    {
        var harness = new ExchangeHarness();

        harness.Submit(Market("order-1", OrderSide.Buy, 1m));

        AssertRejected(harness, "order-1", "no price is known yet for BTCUSDT");
    }

    [Fact]
    public void OnBar_SellWithoutAPositionInACashAccount_IsRejectedAsShortSelling()
    {
        var harness = FedHarness();
        harness.Submit(Market("order-1", OrderSide.Sell, 1m));
        harness.Feed(TestBars.Flat(Symbol, 1, 17_000m));

        Assert.Empty(harness.Sink.Fills);
        AssertRejected(harness, "order-1", "short selling is not allowed: selling 1 with a position of 0");
    }

    [Fact]
    public void OnBar_BuyCostingMoreThanTheCash_IsRejectedAsInsufficientCash()
    {
        // 1 × 17,000 + 17 fee = 17,017 needed, 10,000 held.
        var harness = new ExchangeHarness(initialCash: 10_000m);
        harness.Feed(TestBars.Flat(Symbol, 0, 17_000m));
        harness.Submit(Market("order-1", OrderSide.Buy, 1m));
        harness.Feed(TestBars.Flat(Symbol, 1, 17_000m));

        Assert.Empty(harness.Sink.Fills);
        AssertRejected(harness, "order-1", "insufficient cash: the fill needs 17017 and the account has 10000");
    }

    [Fact]
    public void OnBar_ReduceOnlyOrderThatWouldIncreaseThePosition_IsRejected()
    {
        var harness = FedHarness();
        harness.Submit(Market("open", OrderSide.Buy, 1m));
        harness.Feed(TestBars.Flat(Symbol, 1, 17_000m));
        Assert.Equal(1m, harness.Portfolio.PositionFor(Symbol).Quantity);

        harness.Submit(new OrderRequest("grow", Symbol, OrderSide.Buy, OrderType.Market, 0.5m, reduceOnly: true));
        harness.Feed(TestBars.Flat(Symbol, 2, 17_000m));

        AssertRejected(harness, "grow", "reduce-only order for 0.5 would not reduce the position of 1");
        Assert.Equal(1m, harness.Portfolio.PositionFor(Symbol).Quantity);
    }

    [Fact]
    public void OnBar_ReduceOnlyOrderThatReduces_Fills()
    {
        var harness = FedHarness();
        harness.Submit(Market("open", OrderSide.Buy, 1m));
        harness.Feed(TestBars.Flat(Symbol, 1, 17_000m));

        harness.Submit(new OrderRequest("trim", Symbol, OrderSide.Sell, OrderType.Market, 0.4m, reduceOnly: true));
        harness.Feed(TestBars.Flat(Symbol, 2, 17_000m));

        Assert.Equal(OrderStatus.Filled, harness.Sink.LastUpdateFor("trim").Status);
        Assert.Equal(0.6m, harness.Portfolio.PositionFor(Symbol).Quantity);
    }

    [Fact]
    public void OnBar_ReduceOnlyOrderThatWouldFlipThePosition_IsRejected()
    {
        // Long 1, reduce-only sell 2 would end short 1: it crosses zero, so it does not only reduce.
        var harness = new ExchangeHarness(new SimulatedExchangeOptions { AllowShortSelling = true });
        harness.Feed(TestBars.Flat(Symbol, 0, 17_000m));
        harness.Submit(Market("open", OrderSide.Buy, 1m));
        harness.Feed(TestBars.Flat(Symbol, 1, 17_000m));

        harness.Submit(new OrderRequest("flip", Symbol, OrderSide.Sell, OrderType.Market, 2m, reduceOnly: true));
        harness.Feed(TestBars.Flat(Symbol, 2, 17_000m));

        AssertRejected(harness, "flip", "reduce-only order for 2 would not reduce the position of 1");
        Assert.Equal(1m, harness.Portfolio.PositionFor(Symbol).Quantity);
    }

    [Fact]
    public void Submit_ImmediateOrCancelStopOrder_IsRejectedNamingTheTimeInForce()
    {
        var harness = FedHarness();

        harness.Submit(new OrderRequest("order-1", Symbol, OrderSide.Buy, OrderType.StopMarket, 1m, stopPrice: 17_500m, timeInForce: TimeInForce.ImmediateOrCancel));

        AssertRejected(harness, "order-1", "time in force ImmediateOrCancel is only valid for market and limit orders");
    }

    [Fact]
    public void OnBar_ImmediateOrCancelLimitThatCannotFillOnArrival_Expires()
    {
        // Bid 16,000; the arrival bar trades no lower than 16,900, so the order ends there and never rests.
        var harness = FedHarness();
        harness.Submit(new OrderRequest("order-1", Symbol, OrderSide.Buy, OrderType.Limit, 1m, limitPrice: 16_000m, timeInForce: TimeInForce.ImmediateOrCancel));
        harness.Feed(TestBars.Minute(Symbol, 1, open: 17_000m, high: 17_100m, low: 16_900m, close: 17_000m));
        harness.Feed(TestBars.Minute(Symbol, 2, open: 16_500m, high: 16_600m, low: 15_000m, close: 15_500m));

        Assert.Empty(harness.Sink.Fills);
        var update = harness.Sink.LastUpdateFor("order-1");
        Assert.Equal(OrderStatus.Expired, update.Status);
        Assert.Equal("ImmediateOrCancel order could not fill on arrival", update.Reason);
    }

    [Fact]
    public void OnBar_ImmediateOrCancelLimitMarketableAtTheArrivalOpen_FillsAtTheOpenAsTaker()
    {
        var harness = FedHarness();
        harness.Submit(new OrderRequest("order-1", Symbol, OrderSide.Buy, OrderType.Limit, 1m, limitPrice: 17_050m, timeInForce: TimeInForce.ImmediateOrCancel));
        harness.Feed(TestBars.Minute(Symbol, 1, open: 17_000m, high: 17_100m, low: 16_900m, close: 17_000m));

        var fill = Assert.Single(harness.Sink.Fills);
        Assert.Equal(17_000m, fill.Price);
        Assert.Equal(LiquidityRole.Taker, fill.Liquidity);
    }

    [Fact]
    public void OnBar_ImmediateOrCancelLimitReachedOnlyAfterTheOpen_ExpiresWithoutResting()
    {
        // The low touches 16,950 later in the bar, but an IOC order never rests to be hit there.
        var harness = FedHarness();
        harness.Submit(new OrderRequest("order-1", Symbol, OrderSide.Buy, OrderType.Limit, 1m, limitPrice: 16_950m, timeInForce: TimeInForce.ImmediateOrCancel));
        harness.Feed(TestBars.Minute(Symbol, 1, open: 17_000m, high: 17_100m, low: 16_900m, close: 17_000m));

        Assert.Empty(harness.Sink.Fills);
        Assert.Equal(OrderStatus.Expired, harness.Sink.UpdatesFor("order-1").Last().Status);
    }

    [Fact]
    public void Submit_TheSameClientOrderIdTwice_SendsOneOrderAndCountsTheDuplicate()
    {
        var harness = FedHarness();
        var order = Market("order-1", OrderSide.Buy, 1m);

        harness.Submit(order);
        harness.Submit(order);
        harness.Feed(TestBars.Flat(Symbol, 1, 17_000m));

        Assert.Equal(1, harness.Exchange.DuplicateSubmissions);
        Assert.Single(harness.Sink.Fills);
        Assert.Equal(new[] { OrderStatus.Accepted, OrderStatus.Filled }, harness.Sink.UpdatesFor("order-1").Select(u => u.Status));
        Assert.Equal(1m, harness.Portfolio.PositionFor(Symbol).Quantity);
    }

    [Fact]
    public void Cancel_WorkingOrder_ReportsCancelledAndItNeverFills()
    {
        var harness = FedHarness();
        harness.Submit(Limit("order-1", OrderSide.Buy, 1m, 16_000m));

        harness.Exchange.Cancel("order-1");
        harness.Feed(TestBars.Minute(Symbol, 1, open: 16_500m, high: 16_600m, low: 15_000m, close: 15_500m));

        Assert.Empty(harness.Sink.Fills);
        Assert.Equal(new[] { OrderStatus.Accepted, OrderStatus.Cancelled }, harness.Sink.UpdatesFor("order-1").Select(u => u.Status));
    }

    [Fact]
    public void OnBar_StopLimitGappedBeyondItsLimit_RestsAndFillsOnALaterBarAsMaker()
    {
        // Buy stop 17,100 limit 17,150. Bar 1 opens at 17,300: triggered above the limit, nothing trades.
        // Bar 2 trades down to 17,120: the resting bid at 17,150 is hit, maker fee 10 bps = 17.15.
        var harness = FedHarness();
        harness.Submit(new OrderRequest("order-1", Symbol, OrderSide.Buy, OrderType.StopLimit, 1m, limitPrice: 17_150m, stopPrice: 17_100m));
        harness.Feed(TestBars.Minute(Symbol, 1, open: 17_300m, high: 17_400m, low: 17_200m, close: 17_250m));
        Assert.Empty(harness.Sink.Fills);

        harness.Feed(TestBars.Minute(Symbol, 2, open: 17_250m, high: 17_260m, low: 17_120m, close: 17_130m));

        var fill = Assert.Single(harness.Sink.Fills);
        Assert.Equal(17_150m, fill.Price);
        Assert.Equal(LiquidityRole.Maker, fill.Liquidity);
        Assert.Equal(17.15m, fill.Fee);
    }

    private static ExchangeHarness FedHarness()
    {
        var harness = new ExchangeHarness();
        harness.Feed(TestBars.Flat(Symbol, 0, 17_000m));
        return harness;
    }

    private static void AssertRejected(ExchangeHarness harness, string clientOrderId, string reasonPart)
    {
        var update = harness.Sink.LastUpdateFor(clientOrderId);
        Assert.Equal(OrderStatus.Rejected, update.Status);
        Assert.Contains(reasonPart, update.Reason);
    }

    private static OrderRequest Market(string id, OrderSide side, decimal quantity) => new(id, Symbol, side, OrderType.Market, quantity);

    private static OrderRequest Limit(string id, OrderSide side, decimal quantity, decimal limit) =>
        new(id, Symbol, side, OrderType.Limit, quantity, limitPrice: limit);
}
