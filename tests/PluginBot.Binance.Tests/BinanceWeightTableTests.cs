using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;

namespace PluginBot.Binance.Tests;

/// <summary>The client's weight table against the fake server's own, documented one.</summary>
public sealed class BinanceWeightTableTests
{
    [Fact]
    public async Task EverySpotCallOfTheClient_ReservesTheWeightTheDocumentedServerCharges()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync();
        fixture.Server.SetPrice("BTCUSDT", 50000m);
        var client = fixture.Client;
        var audit = new WeightAudit(client, fixture.Server);
        var from = new DateTime(2024, 3, 5, 0, 0, 0, DateTimeKind.Utc);

        await audit.MeasureAsync("time", () => client.GetServerTimeAsync());
        await audit.MeasureAsync("exchangeInfo", () => client.GetInstrumentRulesAsync());
        await audit.MeasureAsync("klines", () => client.GetKlinesAsync("BTCUSDT", BarInterval.OneMinute, from, from.AddMinutes(10)));
        await audit.MeasureAsync("account", () => client.GetBalancesAsync());
        await audit.MeasureAsync("new order", () => client.PlaceOrderAsync(new BinanceOrderRequest("BTCUSDT", OrderSide.Buy, BinanceOrderKind.Limit, 0.01m, "weight-1", 40000m, null, TimeInForce.GoodTillCancelled)));
        var query = await audit.MeasureAsync("query order", () => client.GetOrderAsync("BTCUSDT", "weight-1"));
        await audit.MeasureAsync("open orders of a symbol", () => client.GetOpenOrdersAsync("BTCUSDT"));
        var allOpen = await audit.MeasureAsync("open orders of every symbol", () => client.GetOpenOrdersAsync(null));
        await audit.MeasureAsync("cancel order", () => client.CancelOrderAsync("BTCUSDT", "weight-1"));
        var trades = await audit.MeasureAsync("trades", () => client.GetTradesAsync("BTCUSDT", null));
        var key = string.Empty;
        await audit.MeasureAsync("create listen key", async () => key = await client.CreateListenKeyAsync());
        await audit.MeasureAsync("keep listen key alive", () => client.KeepAliveListenKeyAsync(key));
        await audit.MeasureAsync("close listen key", () => client.CloseListenKeyAsync(key));

        Assert.Empty(audit.Mismatches);

        // Spot values from rest-api.md, to be sure the audit compared something real.
        Assert.Equal((4, 4), query);
        Assert.Equal((80, 80), allOpen);
        Assert.Equal((20, 20), trades);
    }

    [Fact]
    public async Task EveryFuturesCallOfTheClient_NeverReservesLessThanTheServerCharges()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync(BinanceMarket.UsdFutures);
        fixture.Server.SetPrice("BTCUSDT", 50000m);
        var client = fixture.Client;
        var audit = new WeightAudit(client, fixture.Server);
        var from = new DateTime(2024, 3, 5, 0, 0, 0, DateTimeKind.Utc);
        var measured = new List<(long Client, long Server)>
        {
            await audit.MeasureAsync("time", () => client.GetServerTimeAsync()),
            await audit.MeasureAsync("exchangeInfo", () => client.GetInstrumentRulesAsync()),
            await audit.MeasureAsync("klines", () => client.GetKlinesAsync("BTCUSDT", BarInterval.OneMinute, from, from.AddMinutes(10))),
            await audit.MeasureAsync("balance", () => client.GetBalancesAsync()),
            await audit.MeasureAsync("positions", () => client.GetPositionsAsync()),
            await audit.MeasureAsync("open orders of every symbol", () => client.GetOpenOrdersAsync(null)),
            await audit.MeasureAsync("trades", () => client.GetTradesAsync("BTCUSDT", null)),
        };

        // The futures weights are not in the recorded docs, so only the dangerous direction is asserted: a client that
        // reserves less than the server charges runs into 429s and, repeated, an IP ban.
        Assert.All(measured, weights => Assert.True(weights.Client >= weights.Server, string.Join("; ", audit.Mismatches)));
        Assert.Equal((5, 5), measured[2]);
        Assert.Equal((40, 40), measured[5]);
    }

    [Fact]
    public async Task Audit_DeliberatelyWrongClientWeights_AreDetectedEvenWhenTheHeaderHidesThem()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync();
        var client = fixture.Client;
        var audit = new WeightAudit(client, fixture.Server);
        var underCounted = client.Endpoints.ExchangeInfo with { Weight = 2 };
        var overCounted = client.Endpoints.ServerTime with { Weight = 3 };

        await audit.MeasureAsync("exchangeInfo at weight 2", async () => (await client.SendAsync(underCounted, [], repeatable: true, CancellationToken.None)).Dispose());
        var usedAfterUnderCount = client.RateLimiter.UsedWeight;
        await audit.MeasureAsync("time at weight 3", async () => (await client.SendAsync(overCounted, [], repeatable: true, CancellationToken.None)).Dispose());

        Assert.Equal(["exchangeInfo at weight 2: client reserved 2, server charged 20", "time at weight 3: client reserved 3, server charged 1"], audit.Mismatches);

        // The limiter took the server's count from the header, so its used weight alone would not reveal the error.
        Assert.Equal(20, usedAfterUnderCount);
    }
}
