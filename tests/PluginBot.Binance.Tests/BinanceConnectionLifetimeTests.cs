using PluginBot.Sdk.Market;

namespace PluginBot.Binance.Tests;

/// <summary>
/// Binance cuts every connection after 24 h. The streams replace theirs earlier, make-before-break, measuring age on
/// an injectable clock: here a virtual one, so "23 hours later" takes one call.
/// </summary>
public sealed class BinanceConnectionLifetimeTests
{
    private static readonly BinanceMarketSubscriptions MinuteKlines = new([("BTCUSDT", BarInterval.OneMinute)], [], []);

    [Fact]
    public async Task MarketStream_ConnectionOlderThanMaximumAge_IsReplacedBeforeTheOldOneClosesAndNoKlineIsLostOrDoubled()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync();
        var streams = fixture.Server.Streams;
        var options = new BinanceSocketOptions
        {
            BaseAddress = fixture.Server.WebSocketAddress,
            Clock = fixture.Clock,
            MaximumConnectionAge = TimeSpan.FromHours(23),
            ConnectionAgeCheckInterval = TimeSpan.FromMilliseconds(20),
        };
        await using var stream = new BinanceMarketStream(options, MinuteKlines);
        var bars = new List<Bar>();
        stream.BarClosed += bar => { lock (bars) { bars.Add(bar); } };
        var openWhenOverlapKlineSent = false;

        // The kline "around the switch": published the moment the new connection subscribes, while the old one is
        // still open, so the server sends it on both.
        streams.RequestReceived += (connection, method) =>
        {
            if (connection == 2 && method == "SUBSCRIBE")
            {
                openWhenOverlapKlineSent = !streams.ConnectionLog.Contains("ended 1");
                streams.PublishMarket(MarketKlines.Stream, MarketKlines.Closed(1));
            }
        };
        stream.Start();
        await StreamWait.UntilAsync(() => streams.ConnectionLog.Contains("request 1 SUBSCRIBE") && stream.Connections == 1, "the first subscription");
        streams.PublishMarket(MarketKlines.Stream, MarketKlines.Closed(0));
        await StreamWait.UntilAsync(() => bars.Count == 1, "the first bar");
        fixture.Clock.Advance(TimeSpan.FromHours(22));
        await Task.Delay(100);
        Assert.Equal((0, 1), (stream.Replacements, streams.MarketConnectionsAccepted));

        fixture.Clock.Advance(TimeSpan.FromHours(1));
        await StreamWait.UntilAsync(() => stream.Replacements == 1 && streams.ConnectionLog.Contains("ended 1"), "the replacement");
        streams.PublishMarket(MarketKlines.Stream, MarketKlines.Closed(2));
        await StreamWait.UntilAsync(() => bars.Count >= 3, "the bar after the switch");
        await Task.Delay(50);

        Assert.Equal(
            ["accepted 1 market", "request 1 SUBSCRIBE", "accepted 2 market", "request 2 SUBSCRIBE", "ended 1"],
            streams.ConnectionLog);
        Assert.True(openWhenOverlapKlineSent);

        // Each connection was sent its subscription reply and two klines: the overlap kline went out twice.
        Assert.Equal((3, 3), (streams.MessagesQueuedTo(1), streams.MessagesQueuedTo(2)));
        Assert.Equal(Enumerable.Range(0, 3).Select(minute => MarketKlines.FirstOpen.AddMinutes(minute)), bars.Select(bar => bar.StartTime));
        Assert.Equal(2, stream.Connections);
    }

    [Fact]
    public void Dispatch_SameMessagesFromTwoOverlappingConnections_RaisesEachOnce()
    {
        var stream = new BinanceMarketStream(new BinanceSocketOptions(), new BinanceMarketSubscriptions([("BTCUSDT", BarInterval.OneMinute)], ["BTCUSDT"], ["BTCUSDT"]));
        var bars = new List<Bar>();
        var quotes = new List<Quote>();
        var trades = new List<MarketTrade>();
        stream.BarClosed += bars.Add;
        stream.QuoteChanged += quotes.Add;
        stream.TradePrinted += trades.Add;
        string Combined(string name, string data) => $"{{\"stream\":\"{name}\",\"data\":{data}}}";
        string Ticker(long update) => Combined("btcusdt@bookTicker", $"{{\"u\":{update},\"s\":\"BTCUSDT\",\"b\":\"1.0\",\"B\":\"2\",\"a\":\"1.1\",\"A\":\"3\"}}");
        string Trade(long id) => Combined("btcusdt@aggTrade", $"{{\"e\":\"aggTrade\",\"E\":1,\"s\":\"BTCUSDT\",\"a\":{id},\"p\":\"1.0\",\"q\":\"1\",\"f\":1,\"l\":1,\"T\":1709640000000,\"m\":false,\"M\":true}}");

        // Old connection, then the replacement repeating the last of each, then only the replacement.
        foreach (var message in new[]
        {
            Combined(MarketKlines.Stream, MarketKlines.Closed(0)), Ticker(10), Trade(500),
            Combined(MarketKlines.Stream, MarketKlines.Closed(0)), Ticker(10), Trade(500),
            Combined(MarketKlines.Stream, MarketKlines.Closed(1)), Ticker(11), Trade(501),
        })
        {
            stream.Dispatch(message);
        }

        Assert.Equal([MarketKlines.FirstOpen, MarketKlines.FirstOpen.AddMinutes(1)], bars.Select(bar => bar.StartTime));
        Assert.Equal(2, quotes.Count);
        Assert.Equal(2, trades.Count);
    }

    [Fact]
    public void TryReadReplyId_ReplyOrData_TellsThemApart()
    {
        Assert.True(BinanceSocketConnection.TryReadReplyId("{\"result\":null,\"id\":7}", out var id));
        Assert.Equal(7, id);
        Assert.True(BinanceSocketConnection.TryReadReplyId("{\"result\":[\"btcusdt@kline_1m\"],\"id\":3}", out _));
        Assert.True(BinanceSocketConnection.TryReadReplyId("{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":4}", out _));
        Assert.False(BinanceSocketConnection.TryReadReplyId("{\"e\":\"executionReport\",\"id\":5,\"result\":1}", out _));
        Assert.False(BinanceSocketConnection.TryReadReplyId("{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"id\":1}}", out _));
        Assert.False(BinanceSocketConnection.TryReadReplyId("not json", out _));
    }
}
