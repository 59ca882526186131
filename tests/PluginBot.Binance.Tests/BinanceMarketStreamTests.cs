using System.Text.Json;
using PluginBot.Sdk.Market;

namespace PluginBot.Binance.Tests;

/// <summary>Kline, bookTicker and aggTrade streams through the fake server, with reconnect and resubscribe.</summary>
public sealed class BinanceMarketStreamTests
{
    private static readonly BinanceMarketSubscriptions Subscriptions = new([("BTCUSDT", BarInterval.OneMinute)], ["BTCUSDT"], ["BTCUSDT"]);

    [Fact]
    public void Dispatch_RecordedKlineMessage_SkipsTheOpenKlineAndEmitsTheClosedOne()
    {
        var recorded = RecordedKlineMessage().Replace("btcusdt@kline_1M", "btcusdt@kline_1m", StringComparison.Ordinal);
        var bars = new List<Bar>();
        var minuteStream = new BinanceMarketStream(new BinanceSocketOptions(), Subscriptions);
        minuteStream.BarClosed += bars.Add;
        minuteStream.Dispatch(recorded);
        minuteStream.Dispatch(recorded.Replace("\"x\": false", "\"x\": true", StringComparison.Ordinal));

        var bar = Assert.Single(bars);
        Assert.Equal(new Bar("BTCUSDT", BarInterval.OneMinute, new DateTime(2021, 12, 5, 23, 41, 0, DateTimeKind.Utc), 0.0010m, 0.0025m, 0.0015m, 0.0020m, 1000m), bar);
    }

    [Fact]
    public async Task Start_FakeServerPublishesAllThreeStreams_ThenReconnectsAndResubscribes()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync();
        var options = new BinanceSocketOptions { BaseAddress = fixture.Server.WebSocketAddress, ReconnectInitialDelay = TimeSpan.FromMilliseconds(10) };
        await using var stream = new BinanceMarketStream(options, Subscriptions);
        var bars = new List<Bar>();
        var quotes = new List<Quote>();
        var trades = new List<MarketTrade>();
        stream.BarClosed += bar => { lock (bars) { bars.Add(bar); } };
        stream.QuoteChanged += quote => { lock (quotes) { quotes.Add(quote); } };
        stream.TradePrinted += trade => { lock (trades) { trades.Add(trade); } };
        stream.Start();
        await WaitAsync(() => fixture.Server.Streams.MarketConnectionsAccepted == 1);

        fixture.Server.Streams.PublishMarket("btcusdt@kline_1m", JsonDocument.Parse(RecordedKlineMessage()).RootElement.GetProperty("data").GetRawText().Replace("false", "true", StringComparison.Ordinal));
        fixture.Server.Streams.PublishMarket("btcusdt@bookTicker", "{\"u\":400900217,\"s\":\"BTCUSDT\",\"b\":\"25.35190000\",\"B\":\"31.21000000\",\"a\":\"25.36520000\",\"A\":\"40.66000000\"}");
        await WaitAsync(() => bars.Count == 1 && quotes.Count == 1);
        fixture.Server.Streams.DisconnectAll();
        await WaitAsync(() => fixture.Server.Streams.MarketConnectionsAccepted == 2);
        await Task.Delay(50);
        fixture.Server.Streams.PublishMarket("btcusdt@aggTrade", "{\"e\":\"aggTrade\",\"E\":1672515782136,\"s\":\"BTCUSDT\",\"a\":12345,\"p\":\"0.001\",\"q\":\"100\",\"f\":100,\"l\":105,\"T\":1672515782136,\"m\":true,\"M\":true}");
        await WaitAsync(() => trades.Count == 1);

        Assert.Single(bars);
        Assert.Equal((25.3519m, 25.3652m), (quotes.Single().BidPrice, quotes.Single().AskPrice));
        Assert.Equal((0.001m, 100m, AggressorSide.Seller), (trades[0].Price, trades[0].Quantity, trades[0].Aggressor));
    }

    [Fact]
    public void ReconnectBackoff_SameSeed_GivesTheSameJitteredDoublingDelays()
    {
        var first = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), seed: 5);
        var second = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), seed: 5);

        var delays = Enumerable.Range(0, 6).Select(_ => first.Next()).ToArray();

        Assert.Equal(delays, Enumerable.Range(0, 6).Select(_ => second.Next()));
        for (var attempt = 0; attempt < delays.Length; attempt++)
        {
            var ceiling = Math.Min(1000, 100 * (1 << attempt));
            Assert.InRange(delays[attempt].TotalMilliseconds, ceiling / 2.0, ceiling);
        }
    }

    private static string RecordedKlineMessage()
    {
        var text = TestFiles.Text("binance-net/Klines.txt");
        return text[(text.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            if (waited > 10000)
            {
                throw new TimeoutException("the stream did not deliver in time");
            }

            await Task.Delay(10);
        }
    }
}
