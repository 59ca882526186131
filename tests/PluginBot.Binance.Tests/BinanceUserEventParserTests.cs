using PluginBot.Sdk.Orders;

namespace PluginBot.Binance.Tests;

/// <summary>User-data events from recorded payloads (nautilus_trader, Lean.Brokerages.Binance).</summary>
public sealed class BinanceUserEventParserTests
{
    [Fact]
    public void Parse_RecordedSpotTradeReport_GivesTheExecution()
    {
        var order = BinanceUserEventParser.Parse(TestFiles.Text("nautilus/execution_report_trade.json")).Order!;

        Assert.True(order.IsTrade);
        Assert.Equal(("ETHUSDT", "x-TD67BGP9-T0000000000000", 98765432L, OrderStatus.Filled, 1m, 2500m, true), (order.Symbol, order.ClientOrderId, order.TradeId, order.Status, order.LastQuantity, order.LastPrice, order.IsMaker));
    }

    [Fact]
    public void Parse_RecordedFuturesPartialFill_GivesCumulativeAndLast()
    {
        var order = BinanceUserEventParser.Parse(TestFiles.Text("nautilus/order_update_trade_partial.json")).Order!;

        Assert.Equal((OrderStatus.PartiallyFilled, 0.002m, 0.001m, 0.001m, 7100.50m, 12345678L, "USDT"), (order.Status, order.Quantity, order.CumulativeQuantity, order.LastQuantity, order.LastPrice, order.TradeId, order.CommissionAsset));
    }

    [Fact]
    public void Parse_RecordedAccountUpdate_GivesBalancesAndHedgePositions()
    {
        var account = BinanceUserEventParser.Parse(TestFiles.Text("nautilus/account_update.json")).Account!;

        Assert.Equal(new BinanceBalance("USDT", 122624.12345678m, 0m), Assert.Single(account.Balances));
        Assert.Equal([0m, 20m, -10m], account.Positions.Select(position => position.Quantity));
        Assert.Equal(BinancePositionSide.Short, account.Positions[2].Side);
    }

    [Fact]
    public void Parse_RecordedLeanSpotLifecycle_PartialThenFilledWithDistinctTrades()
    {
        var events = TestFiles.ConcatenatedObjects("lean/WebSocketGlobalSpotMarketSubmitPartiallyFilledFilled.json")
            .Select(json => BinanceUserEventParser.Parse(json).Order)
            .OfType<BinanceOrderEvent>()
            .ToArray();

        Assert.Equal([OrderStatus.Accepted, OrderStatus.PartiallyFilled, OrderStatus.Filled], events.Select(update => update.Status));
        Assert.Equal(800m, events.Where(update => update.IsTrade).Sum(update => update.LastQuantity));
        Assert.Equal([65044223L, 65044224], events.Where(update => update.IsTrade).Select(update => update.TradeId));
    }

    [Fact]
    public void Parse_RecordedLeanFuturesCancel_EndsCancelledWithoutTrades()
    {
        var events = TestFiles.ConcatenatedObjects("lean/WebSocketFutureLimitSubmittedCancelled.json")
            .Select(json => BinanceUserEventParser.Parse(json).Order)
            .OfType<BinanceOrderEvent>()
            .ToArray();

        Assert.Equal(OrderStatus.Cancelled, events[^1].Status);
        Assert.DoesNotContain(events, update => update.IsTrade);
    }

    [Fact]
    public void Parse_ListenKeyExpired_AsksForANewKey()
    {
        Assert.True(BinanceUserEventParser.Parse("{\"e\":\"listenKeyExpired\",\"E\":1576653824250,\"listenKey\":\"abc\"}").ListenKeyExpired);
    }
}
