using PluginBot.Binance.FakeServer;
using PluginBot.Plugins.Exchange.Binance;

namespace PluginBot.Binance.Tests;

/// <summary>A fake exchange, a client and a started adapter attached to a recording sink.</summary>
internal sealed class AdapterFixture : IAsyncDisposable
{
    private AdapterFixture(FakeExchangeFixture exchange, BinanceExchangeAdapter adapter, RecordingSink sink)
    {
        Exchange = exchange;
        Adapter = adapter;
        Sink = sink;
    }

    public FakeExchangeFixture Exchange { get; }

    public FakeBinanceServer Server => Exchange.Server;

    public BinanceExchangeAdapter Adapter { get; }

    public RecordingSink Sink { get; }

    public static async Task<AdapterFixture> StartAsync(
        BinanceMarket market = BinanceMarket.Spot,
        Func<FakeServerOptions, FakeServerOptions>? server = null,
        Func<BinanceClientOptions, BinanceClientOptions>? client = null,
        Func<BinanceSocketOptions, BinanceSocketOptions>? socketOptions = null)
    {
        var exchange = await FakeExchangeFixture.StartAsync(market, server, client);
        exchange.Server.SetPrice("BTCUSDT", 50000m);
        exchange.Server.SetPrice("ETHUSDT", 3000m);
        var socket = new BinanceSocketOptions
        {
            BaseAddress = exchange.Server.WebSocketAddress,
            ReconnectInitialDelay = TimeSpan.FromMilliseconds(10),
            ReconnectMaximumDelay = TimeSpan.FromMilliseconds(100),
        };
        socket = socketOptions?.Invoke(socket) ?? socket;
        var adapter = new BinanceExchangeAdapter(exchange.Client, socket, ["BTCUSDT", "ETHUSDT"], liveTrading: false, exchange.Logger);
        var sink = new RecordingSink();
        adapter.Attach(sink);
        await adapter.StartAsync();
        var fixture = new AdapterFixture(exchange, adapter, sink);
        await fixture.WaitForStreamAsync(1);
        return fixture;
    }

    /// <summary>Waits until the stream has connected <paramref name="connections"/> times and the reconciliation after it ran.</summary>
    public async Task WaitForStreamAsync(int connections)
    {
        for (var waited = 0; Server.Streams.UserConnectionsAccepted < connections || Adapter.Reconciliations < connections; waited += 10)
        {
            if (waited > 10000)
            {
                throw new TimeoutException($"the user stream did not connect {connections} times");
            }

            await Task.Delay(10);
        }

        await Adapter.WhenIdleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Adapter.DisposeAsync();
        await Exchange.DisposeAsync();
    }
}
