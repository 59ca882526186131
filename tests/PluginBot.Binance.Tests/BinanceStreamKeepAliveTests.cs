using System.Diagnostics;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;

namespace PluginBot.Binance.Tests;

/// <summary>
/// A "silent" socket: the fake server keeps the TCP connection open but stops sending and stops answering pings, like a
/// connection dying behind a NAT. Only the client's ping timeout can notice; these tests run it with short timeouts.
/// </summary>
public sealed class BinanceStreamKeepAliveTests
{
    private static readonly TimeSpan PingInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan PingTimeout = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task MarketStream_ServerGoesSilent_ReconnectsWithinThePingTimeoutAndResubscribes()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync();
        var streams = fixture.Server.Streams;
        var options = new BinanceSocketOptions
        {
            BaseAddress = fixture.Server.WebSocketAddress,
            PingInterval = PingInterval,
            PingTimeout = PingTimeout,
            ReconnectInitialDelay = TimeSpan.FromMilliseconds(10),
        };
        await using var stream = new BinanceMarketStream(options, new BinanceMarketSubscriptions([("BTCUSDT", BarInterval.OneMinute)], [], []));
        var bars = new List<Bar>();
        stream.BarClosed += bar => { lock (bars) { bars.Add(bar); } };
        stream.Start();
        await StreamWait.UntilAsync(() => streams.ConnectionLog.Contains("request 1 SUBSCRIBE") && stream.Connections == 1, "the first subscription");
        streams.PublishMarket(MarketKlines.Stream, MarketKlines.Closed(0));
        await StreamWait.UntilAsync(() => bars.Count == 1, "the first bar");

        var silence = Stopwatch.StartNew();
        Assert.Equal(1, streams.SilenceMarket());
        streams.PublishMarket(MarketKlines.Stream, MarketKlines.Closed(1));
        await StreamWait.UntilAsync(() => streams.ConnectionLog.Contains("request 2 SUBSCRIBE") && stream.Connections == 2, "the reconnection");
        var detected = silence.Elapsed;
        streams.PublishMarket(MarketKlines.Stream, MarketKlines.Closed(2));
        await StreamWait.UntilAsync(() => bars.Count == 2, "the bar after the reconnection");

        // Ping every 100 ms and give up 300 ms later: well under the 30 s the default settings would take. The bound
        // leaves room for a loaded test machine; without the keep-alive the silent socket would never be noticed.
        Assert.True(detected < TimeSpan.FromSeconds(3), $"the silent connection took {detected.TotalMilliseconds:0} ms to detect");
        Assert.Equal(["accepted 1 market", "request 1 SUBSCRIBE", "silenced 1"], streams.ConnectionLog.Take(3));
        Assert.Contains("ended 1", streams.ConnectionLog);
        Assert.Equal([MarketKlines.FirstOpen, MarketKlines.FirstOpen.AddMinutes(2)], bars.Select(bar => bar.StartTime));
    }

    [Fact]
    public async Task Adapter_UserStreamGoesSilentWhileAnOrderFills_ReconnectsAndReconcilesTheMissedFill()
    {
        await using var fixture = await AdapterFixture.StartAsync(socketOptions: options => options with { PingInterval = PingInterval, PingTimeout = PingTimeout });
        var order = new OrderRequest("silent-1", "BTCUSDT", OrderSide.Buy, OrderType.Limit, 0.01m, limitPrice: 49000m);
        fixture.Adapter.Submit(order);
        await fixture.Sink.WaitUntilAsync(sink => sink.LastStatus("silent-1") == OrderStatus.Accepted);

        Assert.Equal(1, fixture.Server.Streams.SilenceUsers());
        var eventsBefore = fixture.Server.Streams.UserEventsSent;
        fixture.Server.SetPrice("BTCUSDT", 48900m);
        await fixture.Sink.WaitUntilAsync(sink => sink.LastStatus("silent-1") == OrderStatus.Filled);

        // The reconciliation reports the fill while it runs and counts itself when it ends: wait for the end.
        await fixture.Sink.WaitUntilAsync(_ => fixture.Adapter.Reconciliations >= 2);

        // The fill's event went into the silent connection and was lost; the engine learned of it only through the
        // reconciliation that followed the reconnect.
        Assert.True(fixture.Server.Streams.UserEventsSent > eventsBefore);
        Assert.Equal(2, fixture.Server.Streams.UserConnectionsAccepted);
        Assert.True(fixture.Adapter.Reconciliations >= 2);
        var fill = Assert.Single(fixture.Sink.Fills);
        Assert.Equal(("silent-1", 0.01m, 49000m), (fill.ClientOrderId, fill.Quantity, fill.Price));
    }
}
