using PluginBot.Engine.Accounting;
using PluginBot.Engine.Tests.Infrastructure;
using PluginBot.Sdk.Orders;
using PluginBot.Statistics;

namespace PluginBot.Engine.Tests;

/// <summary>
/// Round trips as the execution engine books them: each fill goes into the portfolio first, and the position before
/// it and the P&amp;L it realised go to the recorder.
/// </summary>
public sealed class TradeRecorderTests
{
    private const string Symbol = "BTCUSDT";
    private readonly Portfolio portfolio = new(100_000m);
    private readonly TradeRecorder recorder = new();

    [Fact]
    public void OnFill_FlatToFlat_RecordsOneClosedTrade()
    {
        Book(TestFills.Buy(Symbol, 2m, 100m, fee: 0.2m, minute: 1));
        Assert.Equal(1, recorder.OpenTradeCount);
        Assert.Empty(recorder.ClosedTrades);

        Book(TestFills.Sell(Symbol, 2m, 110m, fee: 0.22m, minute: 5));

        // P&L 2 × (110 − 100) = 20 before fees 0.2 + 0.22 = 0.42.
        var trade = Assert.Single(recorder.ClosedTrades);
        Assert.Equal(TradeDirection.Long, trade.Direction);
        Assert.Equal(2m, trade.Quantity);
        Assert.Equal(100m, trade.EntryPrice);
        Assert.Equal(110m, trade.ExitPrice);
        Assert.Equal(20m, trade.ProfitLoss);
        Assert.Equal(0.42m, trade.TotalFees);
        Assert.Equal(TestBars.Origin.AddMinutes(1), trade.EntryTime);
        Assert.Equal(TestBars.Origin.AddMinutes(5), trade.ExitTime);
        Assert.Equal(0, recorder.OpenTradeCount);
    }

    [Fact]
    public void OnFill_ScaledInAndOutInSeveralFills_RecordsOneTradeWithAveragePrices()
    {
        Book(TestFills.Buy(Symbol, 1m, 100m, minute: 1));
        Book(TestFills.Buy(Symbol, 1m, 120m, minute: 2));
        Book(TestFills.Sell(Symbol, 1m, 130m, minute: 3));
        Assert.Empty(recorder.ClosedTrades);

        Book(TestFills.Sell(Symbol, 1m, 140m, minute: 4));

        // Entry (100 + 120) / 2 = 110, exit (130 + 140) / 2 = 135, P&L 2 × 25 = 50.
        var trade = Assert.Single(recorder.ClosedTrades);
        Assert.Equal(2m, trade.Quantity);
        Assert.Equal(110m, trade.EntryPrice);
        Assert.Equal(135m, trade.ExitPrice);
        Assert.Equal(50m, trade.ProfitLoss);
        Assert.Equal(TestBars.Origin.AddMinutes(4), trade.ExitTime);
    }

    [Fact]
    public void OnFill_FlipFromLongToShort_ClosesOneTradeAndOpensAnother()
    {
        Book(TestFills.Buy(Symbol, 2m, 100m, fee: 0.2m, minute: 1));

        // Sell 5 at 90 with a 0.45 fee: 2 close the long (fee share 0.45 × 2/5 = 0.18), 3 open a short (fee 0.27).
        Book(TestFills.Sell(Symbol, 5m, 90m, fee: 0.45m, minute: 2));
        Book(TestFills.Buy(Symbol, 3m, 80m, fee: 0.24m, minute: 3));

        Assert.Equal(2, recorder.ClosedTrades.Count);
        var longTrade = recorder.ClosedTrades[0];
        Assert.Equal(TradeDirection.Long, longTrade.Direction);
        Assert.Equal(2m, longTrade.Quantity);
        Assert.Equal(100m, longTrade.EntryPrice);
        Assert.Equal(90m, longTrade.ExitPrice);
        Assert.Equal(-20m, longTrade.ProfitLoss); // 2 × (90 − 100)
        Assert.Equal(0.38m, longTrade.TotalFees); // 0.2 + 0.18
        Assert.Equal(TestBars.Origin.AddMinutes(2), longTrade.ExitTime);

        var shortTrade = recorder.ClosedTrades[1];
        Assert.Equal(TradeDirection.Short, shortTrade.Direction);
        Assert.Equal(3m, shortTrade.Quantity);
        Assert.Equal(90m, shortTrade.EntryPrice);
        Assert.Equal(80m, shortTrade.ExitPrice);
        Assert.Equal(30m, shortTrade.ProfitLoss); // 3 × (90 − 80)
        Assert.Equal(0.51m, shortTrade.TotalFees); // 0.27 + 0.24
        Assert.Equal(TestBars.Origin.AddMinutes(2), shortTrade.EntryTime);
    }

    [Fact]
    public void OnBar_WhileALongIsOpen_TracksExcursionsFromBarHighsAndLows()
    {
        Book(TestFills.Buy(Symbol, 2m, 100m, minute: 0));

        // Bar 1: high 105 → +10, low 97 → −6. Bar 2: high 112 → +24, low 99 → −2.
        recorder.OnBar(TestBars.Minute(Symbol, 1, open: 100m, high: 105m, low: 97m, close: 103m), portfolio.PositionFor(Symbol));
        recorder.OnBar(TestBars.Minute(Symbol, 2, open: 103m, high: 112m, low: 99m, close: 108m), portfolio.PositionFor(Symbol));
        Book(TestFills.Sell(Symbol, 2m, 108m, minute: 3));

        // Closed at +16: worst −6, best +24, gave back 24 − 16 = 8 from the peak.
        var trade = Assert.Single(recorder.ClosedTrades);
        Assert.Equal(16m, trade.ProfitLoss);
        Assert.Equal(-6m, trade.MaximumAdverseExcursion);
        Assert.Equal(24m, trade.MaximumFavorableExcursion);
        Assert.Equal(8m, trade.EndTradeDrawdown);
    }

    [Fact]
    public void OnBar_WhileAShortIsOpen_TracksExcursionsWithTheSignReversed()
    {
        Book(TestFills.Sell(Symbol, 2m, 100m, minute: 0));

        // Short 2 from 100: the high 106 is the adverse side (−12), the low 95 the favourable one (+10).
        recorder.OnBar(TestBars.Minute(Symbol, 1, open: 100m, high: 106m, low: 95m, close: 97m), portfolio.PositionFor(Symbol));
        Book(TestFills.Buy(Symbol, 2m, 97m, minute: 2));

        var trade = Assert.Single(recorder.ClosedTrades);
        Assert.Equal(6m, trade.ProfitLoss); // 2 × (100 − 97)
        Assert.Equal(-12m, trade.MaximumAdverseExcursion);
        Assert.Equal(10m, trade.MaximumFavorableExcursion);
    }

    [Fact]
    public void OnBar_WhenFlat_RecordsNothing()
    {
        recorder.OnBar(TestBars.Minute(Symbol, 1, open: 100m, high: 150m, low: 50m, close: 100m), portfolio.PositionFor(Symbol));

        Assert.Equal(0, recorder.OpenTradeCount);
        Assert.Empty(recorder.ClosedTrades);
    }

    private void Book(Fill fill)
    {
        var before = portfolio.PositionFor(fill.Symbol).Quantity;
        var realized = portfolio.Apply(fill);
        recorder.OnFill(fill, before, realized);
    }
}
