using System.Net;
using PluginBot.Binance.FakeServer;
using PluginBot.Plugins.Exchange.Binance;
using PluginBot.Sdk.Orders;

namespace PluginBot.Binance.Tests;

/// <summary>The IExchangeAdapter against the fake server: REST, user stream and reconciliation together.</summary>
public sealed class BinanceExchangeAdapterTests
{
    [Fact]
    public async Task Submit_MarketOrderWithSplitFills_ReportsEachFillOnceThenFilled()
    {
        await using var fixture = await AdapterFixture.StartAsync(server: options => options with { SplitFills = true });

        fixture.Adapter.Submit(new OrderRequest("order-1", "BTCUSDT", OrderSide.Buy, OrderType.Market, 0.1m));
        await fixture.Sink.WaitUntilAsync(sink => sink.LastStatus("order-1") == OrderStatus.Filled);
        await Task.Delay(100);

        Assert.Equal([0.06m, 0.04m], fixture.Sink.Fills.Select(fill => fill.Quantity));
        Assert.All(fixture.Sink.Fills, fill => Assert.Equal(50000m * fill.Quantity * 0.001m, fill.Fee));
        Assert.Equal([OrderStatus.Accepted, OrderStatus.PartiallyFilled, OrderStatus.Filled], fixture.Sink.Updates.Select(update => update.Status));
        Assert.IsType<Fill>(fixture.Sink.Events[^2]);
    }

    [Fact]
    public async Task Submit_SameClientIdTwice_SendsOnce()
    {
        await using var fixture = await AdapterFixture.StartAsync();
        var order = new OrderRequest("once", "BTCUSDT", OrderSide.Buy, OrderType.Limit, 0.01m, limitPrice: 40000m);

        fixture.Adapter.Submit(order);
        fixture.Adapter.Submit(order);
        await fixture.Adapter.WhenIdleAsync();

        Assert.Single(fixture.Server.Ledger.Orders);
        Assert.Single(fixture.Server.RequestLog, line => line.StartsWith("POST /api/v3/order", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_RestingLimitThenPriceMoves_FillsAsMaker()
    {
        await using var fixture = await AdapterFixture.StartAsync();

        fixture.Adapter.Submit(new OrderRequest("limit-1", "BTCUSDT", OrderSide.Sell, OrderType.Limit, 0.02m, limitPrice: 51000m));
        await fixture.Sink.WaitUntilAsync(sink => sink.LastStatus("limit-1") == OrderStatus.Accepted);
        fixture.Server.SetPrice("BTCUSDT", 51500m);
        await fixture.Sink.WaitUntilAsync(sink => sink.LastStatus("limit-1") == OrderStatus.Filled);

        var fill = Assert.Single(fixture.Sink.Fills);
        Assert.Equal((51000m, LiquidityRole.Maker, OrderSide.Sell), (fill.Price, fill.Liquidity, fill.Side));
    }

    [Fact]
    public async Task Cancel_WorkingOrder_ReportsCancelled()
    {
        await using var fixture = await AdapterFixture.StartAsync();
        fixture.Adapter.Submit(new OrderRequest("to-cancel", "ETHUSDT", OrderSide.Buy, OrderType.Limit, 0.5m, limitPrice: 2000m));
        await fixture.Sink.WaitUntilAsync(sink => sink.LastStatus("to-cancel") == OrderStatus.Accepted);

        fixture.Adapter.Cancel("to-cancel");
        await fixture.Sink.WaitUntilAsync(sink => sink.LastStatus("to-cancel") == OrderStatus.Cancelled);

        Assert.Equal(OrderStatus.Cancelled, fixture.Server.Ledger.Orders.Single().Status);
    }

    [Fact]
    public async Task Submit_BelowMinimumNotional_IsRejectedWithBinanceCode()
    {
        await using var fixture = await AdapterFixture.StartAsync();

        fixture.Adapter.Submit(new OrderRequest("tiny", "BTCUSDT", OrderSide.Buy, OrderType.Market, 0.00001m));
        await fixture.Sink.WaitUntilAsync(sink => sink.LastStatus("tiny") == OrderStatus.Rejected);

        Assert.Equal("Binance -1013: Filter failure: NOTIONAL", fixture.Sink.Updates.Single().Reason);
    }

    [Fact]
    public async Task Submit_ResponseDropped_ResolvesByStatusAndNeverResends()
    {
        await using var fixture = await AdapterFixture.StartAsync();
        fixture.Server.Faults.Schedule(FakeFaultKind.DropResponse, 1, filter: "POST /api/v3/order");

        fixture.Adapter.Submit(new OrderRequest("dropped", "BTCUSDT", OrderSide.Buy, OrderType.Market, 0.01m));
        await fixture.Sink.WaitUntilAsync(sink => sink.LastStatus("dropped") == OrderStatus.Filled);
        await fixture.Adapter.WhenIdleAsync();

        Assert.Single(fixture.Server.Ledger.Orders);
        Assert.Single(fixture.Server.RequestLog, line => line.StartsWith("POST /api/v3/order", StringComparison.Ordinal));
        Assert.Contains("GET /api/v3/order 200", fixture.Server.RequestLog);
    }

    [Fact]
    public async Task Submit_ServerErrorBeforeExecuting_LooksUpThenResendsOnce()
    {
        await using var fixture = await AdapterFixture.StartAsync();
        fixture.Server.Faults.Schedule(FakeFaultKind.FailBeforeExecuting, 1, HttpStatusCode.ServiceUnavailable, "POST /api/v3/order");

        fixture.Adapter.Submit(new OrderRequest("retry", "BTCUSDT", OrderSide.Buy, OrderType.Market, 0.01m));
        await fixture.Sink.WaitUntilAsync(sink => sink.LastStatus("retry") == OrderStatus.Filled);

        Assert.Single(fixture.Server.Ledger.Orders);
        Assert.Equal(2, fixture.Server.RequestLog.Count(line => line.StartsWith("POST /api/v3/order", StringComparison.Ordinal)));
        Assert.Contains("GET /api/v3/order 400", fixture.Server.RequestLog);
    }

    [Fact]
    public async Task StreamDisconnected_FillsWhileAway_AreRecoveredByReconciliation()
    {
        await using var fixture = await AdapterFixture.StartAsync();
        fixture.Adapter.Submit(new OrderRequest("away", "BTCUSDT", OrderSide.Buy, OrderType.Limit, 0.01m, limitPrice: 49000m));
        await fixture.Sink.WaitUntilAsync(sink => sink.LastStatus("away") == OrderStatus.Accepted);

        fixture.Server.Streams.DisconnectAll();
        fixture.Server.SetPrice("BTCUSDT", 48000m);
        await fixture.WaitForStreamAsync(2);
        await fixture.Sink.WaitUntilAsync(sink => sink.LastStatus("away") == OrderStatus.Filled);

        Assert.Equal(fixture.Server.Ledger.Trades.Single().TradeId, Assert.Single(fixture.Sink.Fills).TradeId);
    }

    [Fact]
    public async Task ListenKeyExpired_StreamReconnectsWithANewKey()
    {
        await using var fixture = await AdapterFixture.StartAsync();

        fixture.Server.Streams.ExpireListenKeys();
        await fixture.WaitForStreamAsync(2);

        Assert.Equal(2, fixture.Server.Streams.ListenKeysCreated);
    }

    [Fact]
    public async Task Reconcile_ForeignOrderOnAccount_IsReportedAndLeftAlone()
    {
        await using var fixture = await AdapterFixture.StartAsync();
        var reported = new List<string>();
        fixture.Adapter.UnknownOrderFound += reported.Add;

        fixture.Server.Ledger.PlaceForeignOrder("ETHUSDT", OrderSide.Buy, 1m, 2500m, "web-ui-order");
        fixture.Adapter.RequestReconciliation();
        await fixture.Adapter.WhenIdleAsync();
        await Task.Delay(50);

        Assert.Contains("ETHUSDT:web-ui-order", fixture.Adapter.UnknownOrders);
        Assert.Equal(["ETHUSDT:web-ui-order"], reported);
        Assert.Equal(OrderStatus.Accepted, fixture.Server.Ledger.Orders.Single().Status);
        Assert.Empty(fixture.Sink.Events);
    }

    [Fact]
    public async Task DuplicatedAndReorderedEvents_AreDeduplicatedAndNeverGoBack()
    {
        await using var fixture = await AdapterFixture.StartAsync(server: options => options with { SplitFills = true });
        fixture.Server.Faults.DuplicateNextEvents(3);
        fixture.Server.Faults.ReorderNextEvents(1);

        fixture.Adapter.Submit(new OrderRequest("messy", "ETHUSDT", OrderSide.Sell, OrderType.Market, 1m));
        await fixture.Sink.WaitUntilAsync(sink => sink.LastStatus("messy") == OrderStatus.Filled);
        fixture.Server.Streams.FlushHeldEvent();
        await Task.Delay(100);

        Assert.Equal(2, fixture.Sink.Fills.Count);
        Assert.Equal(1m, fixture.Sink.Fills.Sum(fill => fill.Quantity));
        Assert.Equal(OrderStatus.Filled, fixture.Sink.Updates[^1].Status);
        Assert.Single(fixture.Sink.Updates, update => update.Status == OrderStatus.Filled);
    }

    [Fact]
    public async Task Submit_FuturesReduceOnly_ClosesThePosition()
    {
        await using var fixture = await AdapterFixture.StartAsync(BinanceMarket.UsdFutures);

        fixture.Adapter.Submit(new OrderRequest("open", "BTCUSDT", OrderSide.Buy, OrderType.Market, 0.05m));
        await fixture.Sink.WaitUntilAsync(sink => sink.LastStatus("open") == OrderStatus.Filled);
        fixture.Adapter.Submit(new OrderRequest("close", "BTCUSDT", OrderSide.Sell, OrderType.Market, 0.05m, reduceOnly: true));
        await fixture.Sink.WaitUntilAsync(sink => sink.LastStatus("close") == OrderStatus.Filled);

        Assert.Empty(fixture.Server.Ledger.Positions);
        Assert.Empty(await fixture.Adapter.Client.GetPositionsAsync());
    }

    [Fact]
    public void TradingGuard_ProductionHostWithoutOptIn_RefusesWithAClearMessage()
    {
        var refusal = BinanceTradingGuard.Check(new Uri("https://api.binance.com"), liveTrading: false);

        Assert.Equal("live trading is off: api.binance.com is neither loopback nor a Binance testnet, and orders go there only with the setting \"liveTrading\": true", refusal);
        Assert.Null(BinanceTradingGuard.Check(new Uri("https://api.binance.com"), liveTrading: true));
        Assert.Null(BinanceTradingGuard.Check(new Uri("https://testnet.binance.vision"), liveTrading: false));
        Assert.Null(BinanceTradingGuard.Check(new Uri("http://127.0.0.1:5000"), liveTrading: false));
    }

    [Fact]
    public async Task Submit_ProductionHostWithoutOptIn_RejectsWithoutSending()
    {
        using var client = new BinanceRestClient(BinanceClientOptions.ForMarket(BinanceMarket.Spot) with { Credentials = new BinanceCredentials("k", "s") });
        await using var adapter = new BinanceExchangeAdapter(client, new BinanceSocketOptions(), ["BTCUSDT"], liveTrading: false);
        var sink = new RecordingSink();
        adapter.Attach(sink);

        adapter.Submit(new OrderRequest("real-money", "BTCUSDT", OrderSide.Buy, OrderType.Market, 1m));

        var update = Assert.Single(sink.Updates);
        Assert.Equal(OrderStatus.Rejected, update.Status);
        Assert.StartsWith("live trading is off", update.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ExchangeClientOrderIds_InvalidEngineId_IsHashedDeterministically()
    {
        Assert.Equal("strategy-1_42", ExchangeClientOrderIds.For("strategy-1_42"));
        var hashed = ExchangeClientOrderIds.For("strategy with spaces and a very long name #42");
        Assert.Equal(hashed, ExchangeClientOrderIds.For("strategy with spaces and a very long name #42"));
        Assert.Matches("^pb-[0-9a-f]{32}$", hashed);
    }
}
