using PluginBot.Binance.FakeServer;

namespace PluginBot.Binance.Tests;

/// <summary>A fake server and a client that share one virtual clock, so rate-limit waits cost no real time.</summary>
internal sealed class FakeExchangeFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2024, 3, 5, 12, 0, 30, TimeSpan.Zero);

    private FakeExchangeFixture(FakeBinanceServer server, BinanceRestClient client, VirtualBinanceClock clock, RecordingLogger logger)
    {
        Server = server;
        Client = client;
        Clock = clock;
        Logger = logger;
    }

    public FakeBinanceServer Server { get; }

    public BinanceRestClient Client { get; }

    public VirtualBinanceClock Clock { get; }

    public RecordingLogger Logger { get; }

    public static async Task<FakeExchangeFixture> StartAsync(
        BinanceMarket market = BinanceMarket.Spot,
        Func<FakeServerOptions, FakeServerOptions>? server = null,
        Func<BinanceClientOptions, BinanceClientOptions>? client = null)
    {
        var clock = new VirtualBinanceClock(Start);
        var serverOptions = new FakeServerOptions { Market = market, Clock = clock };
        serverOptions = server?.Invoke(serverOptions) ?? serverOptions;
        var fake = await FakeBinanceServer.StartAsync(serverOptions);
        var logger = new RecordingLogger();
        var clientOptions = new BinanceClientOptions
        {
            Market = market,
            BaseAddress = fake.BaseAddress,
            Credentials = new BinanceCredentials(serverOptions.ApiKey, serverOptions.ApiSecret),
            Clock = clock,
            Logger = logger,
            WeightLimitPerMinute = 1000,
            RequestTimeout = TimeSpan.FromSeconds(5),
        };
        clientOptions = client?.Invoke(clientOptions) ?? clientOptions;
        return new FakeExchangeFixture(fake, new BinanceRestClient(clientOptions), clock, logger);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
