using System.Globalization;
using System.Net;
using PluginBot.Binance.FakeServer;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;

namespace PluginBot.Binance.Tests;

/// <summary>Every REST endpoint against the fake server on a loopback port.</summary>
public sealed class BinanceRestClientTests
{
    [Fact]
    public async Task SynchronizeTimeAsync_ServerAheadByTenSeconds_MeasuresTheOffset()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync(client: options => options with { Clock = new VirtualBinanceClock(FakeExchangeFixture.Start - TimeSpan.FromSeconds(10)) });

        var offset = await fixture.Client.SynchronizeTimeAsync();

        Assert.Equal(10, offset.TotalSeconds, 1);
        Assert.NotEmpty(await fixture.Client.GetBalancesAsync());
    }

    [Fact]
    public async Task GetBalancesAsync_ClockSkewedPastRecvWindow_IsRefusedWithMinus1021ThenResynchronised()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync(client: options => options with { Clock = new VirtualBinanceClock(FakeExchangeFixture.Start - TimeSpan.FromSeconds(30)) });

        var balances = await fixture.Client.GetBalancesAsync();

        Assert.Equal(1_000_000m, balances.Single(balance => balance.Asset == "USDT").Free);
        Assert.Equal(["GET /api/v3/account 400", "GET /api/v3/time 200", "GET /api/v3/account 200"], fixture.Server.RequestLog);
    }

    [Fact]
    public async Task FakeServer_TimestampOutsideRecvWindow_AnswersMinus1021()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync();
        var stale = FakeExchangeFixture.Start.AddSeconds(-6).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var query = $"recvWindow=5000&timestamp={stale}";
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Server.BaseAddress, $"/api/v3/account?{query}&signature={BinanceRequestSigner.Sign(fixture.Server.Options.ApiSecret, query)}"));
        request.Headers.Add("X-MBX-APIKEY", fixture.Server.Options.ApiKey);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("-1021", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetBalancesAsync_WrongSecret_ThrowsTypedMinus1022()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync(client: options => options with { Credentials = new BinanceCredentials("fake-api-key-0000", "not-the-secret") });

        var exception = await Assert.ThrowsAsync<BinanceApiException>(() => fixture.Client.GetBalancesAsync());

        Assert.Equal((HttpStatusCode.BadRequest, -1022, "Signature for this request is not valid."), (exception.StatusCode, exception.Code, exception.BinanceMessage));
        Assert.Contains("code -1022", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetInstrumentRulesAsync_FakeExchangeInfo_MapsFilters()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync(BinanceMarket.UsdFutures);

        var rules = (await fixture.Client.GetInstrumentRulesAsync()).Single(rule => rule.Symbol == "BTCUSDT");

        Assert.Equal((0.01m, 0.00001m, 5m, "USDT"), (rules.TickSize, rules.LotSize, rules.MinimumNotional, rules.QuoteCurrency));
    }

    [Fact]
    public async Task GetKlinesAsync_2500MinutesAcrossPages_ReturnsEveryRowOnce()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync();
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        fixture.Server.AddKlines("BTCUSDT", "1m", Enumerable.Range(0, 2600).Select(index => Kline(start.AddMinutes(index), 100m + index)));

        var rows = await fixture.Client.GetKlinesAsync("BTCUSDT", BarInterval.OneMinute, start, start.AddMinutes(2500));

        Assert.Equal(2500, rows.Count);
        Assert.Equal(2500, rows.Select(row => row.OpenTime).Distinct().Count());
        Assert.Equal(2599m, rows[^1].Close);
        Assert.Equal(3, fixture.Server.RequestLog.Count(line => line.StartsWith("GET /api/v3/klines", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PlaceOrderAsync_MarketBuy_FillsAtTheSetPriceWithFees()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync();
        fixture.Server.SetPrice("BTCUSDT", 50000m);

        var order = await fixture.Client.PlaceOrderAsync(new BinanceOrderRequest("BTCUSDT", OrderSide.Buy, BinanceOrderKind.Market, 0.1m, "market-1"));

        Assert.Equal((OrderStatus.Filled, 0.1m), (order.Status, order.ExecutedQuantity));
        var fill = Assert.Single(order.Fills);
        Assert.Equal((50000m, 5m, "USDT"), (fill.Price, fill.Commission, fill.CommissionAsset));
        Assert.Equal(1_000_000m - 5000m - 5m, fixture.Server.Ledger.Balances["USDT"]);
    }

    [Fact]
    public async Task PlaceOrderAsync_RestingLimit_FillsWhenThePriceMovesThrough()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync();
        fixture.Server.SetPrice("BTCUSDT", 50000m);

        var placed = await fixture.Client.PlaceOrderAsync(new BinanceOrderRequest("BTCUSDT", OrderSide.Buy, BinanceOrderKind.Limit, 0.01m, "limit-1", Price: 49000m));
        Assert.Single(await fixture.Client.GetOpenOrdersAsync("BTCUSDT"));
        fixture.Server.SetPrice("BTCUSDT", 48900m);
        var status = await fixture.Client.GetOrderAsync("BTCUSDT", "limit-1");
        var trade = Assert.Single(await fixture.Client.GetTradesAsync("BTCUSDT", null));

        Assert.Equal(OrderStatus.Accepted, placed.Status);
        Assert.Equal(OrderStatus.Filled, status!.Status);
        Assert.Equal((49000m, true, OrderSide.Buy), (trade.Price, trade.IsMaker, trade.Side));
        Assert.Empty(await fixture.Client.GetOpenOrdersAsync(null));
    }

    [Fact]
    public async Task PlaceOrderAsync_StopLimitAndTakeProfit_TriggerOnTheirSides()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync();
        fixture.Server.SetPrice("BTCUSDT", 50000m);
        await fixture.Client.PlaceOrderAsync(new BinanceOrderRequest("BTCUSDT", OrderSide.Sell, BinanceOrderKind.StopLimit, 0.01m, "stop-1", Price: 48900m, StopPrice: 49000m));
        await fixture.Client.PlaceOrderAsync(new BinanceOrderRequest("BTCUSDT", OrderSide.Sell, BinanceOrderKind.TakeProfitMarket, 0.01m, "profit-1", StopPrice: 52000m));

        fixture.Server.SetPrice("BTCUSDT", 51000m);
        Assert.Equal(2, (await fixture.Client.GetOpenOrdersAsync("BTCUSDT")).Count);
        fixture.Server.SetPrice("BTCUSDT", 48950m);
        var stop = await fixture.Client.GetOrderAsync("BTCUSDT", "stop-1");
        var profit = await fixture.Client.GetOrderAsync("BTCUSDT", "profit-1");

        Assert.Equal(OrderStatus.Filled, stop!.Status);
        Assert.Equal(OrderStatus.Accepted, profit!.Status);
    }

    [Fact]
    public async Task PlaceOrderAsync_FuturesReduceOnlyWithoutPosition_IsRejected()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync(BinanceMarket.UsdFutures);
        fixture.Server.SetPrice("BTCUSDT", 50000m);

        var exception = await Assert.ThrowsAsync<BinanceApiException>(() =>
            fixture.Client.PlaceOrderAsync(new BinanceOrderRequest("BTCUSDT", OrderSide.Sell, BinanceOrderKind.Market, 0.01m, "reduce-1", ReduceOnly: true)));

        Assert.Equal(-2022, exception.Code);
    }

    [Fact]
    public async Task GetPositionsAsync_FuturesBuyThenReduceOnlySell_TracksPositionAndRealisedProfit()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync(BinanceMarket.UsdFutures);
        fixture.Server.SetPrice("BTCUSDT", 50000m);
        await fixture.Client.PlaceOrderAsync(new BinanceOrderRequest("BTCUSDT", OrderSide.Buy, BinanceOrderKind.Market, 0.03m, "open-1"));
        fixture.Server.SetPrice("BTCUSDT", 51000m);
        await fixture.Client.PlaceOrderAsync(new BinanceOrderRequest("BTCUSDT", OrderSide.Sell, BinanceOrderKind.Market, 0.01m, "reduce-1", ReduceOnly: true));
        await fixture.Client.PlaceOrderAsync(new BinanceOrderRequest("BTCUSDT", OrderSide.Buy, BinanceOrderKind.Limit, 0.01m, "hedge-1", Price: 40000m, PositionSide: BinancePositionSide.Long));

        var position = Assert.Single(await fixture.Client.GetPositionsAsync());
        var trades = await fixture.Client.GetTradesAsync("BTCUSDT", 0);

        Assert.Equal(new BinancePosition("BTCUSDT", BinancePositionSide.Both, 0.02m, 50000m), position);
        Assert.Equal(2, trades.Count);
        Assert.Equal(1_000_000m - 1.5m - 0.51m + 10m, (await fixture.Client.GetBalancesAsync()).Single(balance => balance.Asset == "USDT").Free);
        Assert.Equal("hedge-1", Assert.Single(await fixture.Client.GetOpenOrdersAsync(null)).ClientOrderId);
    }

    [Fact]
    public async Task CancelOrderAsync_WorkingThenAgain_CancelsOnceThenMinus2011()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync();
        fixture.Server.SetPrice("BTCUSDT", 50000m);
        await fixture.Client.PlaceOrderAsync(new BinanceOrderRequest("BTCUSDT", OrderSide.Buy, BinanceOrderKind.Limit, 0.01m, "cancel-me", Price: 40000m));

        var cancelled = await fixture.Client.CancelOrderAsync("BTCUSDT", "cancel-me");
        var again = await Assert.ThrowsAsync<BinanceApiException>(() => fixture.Client.CancelOrderAsync("BTCUSDT", "cancel-me"));

        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal((-2011, "Unknown order sent."), (again.Code, again.BinanceMessage));
    }

    [Fact]
    public async Task PlaceOrderAsync_ClientIdOfAnOpenOrder_IsRejectedAsDuplicate()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync();
        fixture.Server.SetPrice("BTCUSDT", 50000m);
        var request = new BinanceOrderRequest("BTCUSDT", OrderSide.Buy, BinanceOrderKind.Limit, 0.01m, "same-id", Price: 40000m);
        await fixture.Client.PlaceOrderAsync(request);

        var exception = await Assert.ThrowsAsync<BinanceApiException>(() => fixture.Client.PlaceOrderAsync(request));

        Assert.Equal((-2010, "Duplicate order sent."), (exception.Code, exception.BinanceMessage));
        Assert.Single(fixture.Server.Ledger.Orders);
    }

    [Fact]
    public async Task GetOrderAsync_UnknownClientId_IsNull()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync();

        Assert.Null(await fixture.Client.GetOrderAsync("BTCUSDT", "never-sent"));
    }

    [Fact]
    public async Task PlaceOrderAsync_ResponseDropped_ThrowsOutcomeUnknownWhileTheOrderExists()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync();
        fixture.Server.SetPrice("BTCUSDT", 50000m);
        fixture.Server.Faults.Schedule(FakeFaultKind.DropResponse, 1, filter: "POST /api/v3/order");

        await Assert.ThrowsAsync<BinanceOutcomeUnknownException>(() =>
            fixture.Client.PlaceOrderAsync(new BinanceOrderRequest("BTCUSDT", OrderSide.Buy, BinanceOrderKind.Market, 0.01m, "lost-1")));

        Assert.Equal(OrderStatus.Filled, (await fixture.Client.GetOrderAsync("BTCUSDT", "lost-1"))!.Status);
    }

    [Fact]
    public async Task ListenKey_CreateKeepAliveClose_FollowsTheServer()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync();

        var key = await fixture.Client.CreateListenKeyAsync();
        await fixture.Client.KeepAliveListenKeyAsync(key);
        await fixture.Client.CloseListenKeyAsync(key);
        var expired = await Assert.ThrowsAsync<BinanceApiException>(() => fixture.Client.KeepAliveListenKeyAsync(key));

        Assert.Equal(1, fixture.Server.Streams.KeepAlivesReceived);
        Assert.Equal(-1125, expired.Code);
    }

    internal static BinanceKline Kline(DateTime openTime, decimal close)
    {
        var open = BinanceWireNames.ToMilliseconds(openTime);
        return new BinanceKline(open, close - 1, close + 2, close - 2, close, 3.5m, open + 59_999, close * 3.5m, 42, 1.5m, close * 1.5m);
    }
}
