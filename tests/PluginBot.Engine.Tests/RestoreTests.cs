using PluginBot.Engine.Backtest;
using PluginBot.Engine.Tests.Infrastructure;
using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Tests;

/// <summary>Resuming a session from persisted orders and fills (what `pluginbot run` does after a crash).</summary>
public sealed class RestoreTests
{
    private static readonly DateTime Sent = new(2022, 12, 13, 0, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Restore_FillStoredButCrashBeforeItsFilledUpdate_CompletesTheOrderAndNeverFillsItAgain()
    {
        var (session, data) = Session();
        var request = new OrderRequest("ema-cross-00000001", "BTCBUSD", OrderSide.Buy, OrderType.Market, 0.1m);
        var fill = new Fill(request.ClientOrderId, "BTCBUSD", OrderSide.Buy, 0.1m, 17_000m, 1.7m, LiquidityRole.Taker, Sent, TradeId: 7);
        var restored = new RestoredOrder(request, Sent, [new OrderUpdate(request.ClientOrderId, OrderStatus.Accepted, Sent, 0m)], [fill]);

        var completed = session.Restore([restored]);

        var update = Assert.Single(completed);
        Assert.Equal((request.ClientOrderId, OrderStatus.Filled, 0.1m), (update.ClientOrderId, update.Status, update.FilledQuantity));
        var result = session.Run();
        var order = Assert.Single(result.Orders, o => o.Request.ClientOrderId == request.ClientOrderId);
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Single(order.Fills);
        Assert.True(data.BarCount == result.BarsProcessed);
    }

    [Fact]
    public void Restore_WorkingMarketOrder_FillsOnTheFirstBarStartingAfterItWasSentAndContinuesTradeIds()
    {
        var (session, data) = Session();
        var request = new OrderRequest("ema-cross-00000002", "BTCBUSD", OrderSide.Buy, OrderType.Market, 0.1m);
        var earlier = new OrderRequest("ema-cross-00000001", "BTCBUSD", OrderSide.Buy, OrderType.Market, 0.1m);
        var earlierFill = new Fill(earlier.ClientOrderId, "BTCBUSD", OrderSide.Buy, 0.1m, 17_000m, 1.7m, LiquidityRole.Taker, Sent.AddMinutes(-10), TradeId: 41);
        var restoredEarlier = new RestoredOrder(earlier, Sent.AddMinutes(-11),
            [new OrderUpdate(earlier.ClientOrderId, OrderStatus.Accepted, Sent.AddMinutes(-11), 0m), new OrderUpdate(earlier.ClientOrderId, OrderStatus.Filled, Sent.AddMinutes(-10), 0.1m)],
            [earlierFill]);
        var working = new RestoredOrder(request, Sent, [new OrderUpdate(request.ClientOrderId, OrderStatus.Accepted, Sent, 0m)], []);

        Assert.Empty(session.Restore([restoredEarlier, working]));
        var result = session.Run();

        var order = Assert.Single(result.Orders, o => o.Request.ClientOrderId == request.ClientOrderId);
        var fill = Assert.Single(order.Fills);
        // Sent at 00:30 (a decision at that bar's close): it fills at the open of the bar starting at 00:30, never earlier.
        var bar = data.Series[0].Bars.First(b => b.StartTime >= Sent);
        Assert.Equal(bar.StartTime, fill.Time);
        Assert.Equal(42, fill.TradeId);
    }

    private static (BacktestSession Session, BacktestDataSet Data) Session()
    {
        // The run resumes where the previous one stopped: its feed starts after the restored orders were sent.
        var data = BacktestDataSet.Load(new BacktestDataRequest([RepositoryPaths.BinanceBitcoinMinuteFile], From: Sent));
        var composition = ShippedCompositionBacktest.LoadComposition() with { Name = "ema-cross" };
        var options = ShippedCompositionBacktest.OptionsFor(composition, data) with { Exchange = new Exchange.SimulatedExchangeOptions { Fees = new Exchange.FeeSchedule(10m, 10m) }, LastClientOrderSequence = 2 };
        return (new BacktestSession(composition, ShippedCompositionBacktest.CreateCatalog(), data.CreateFeed(), options), data);
    }
}
