using PluginBot.Sdk.Plugins;

namespace PluginBot.Binance;

/// <summary>
/// The user-data stream over a listen key: creates the key, connects to /ws/&lt;key&gt;, keeps the key alive every
/// 30 minutes, and on listenKeyExpired, a refused keep-alive or any disconnect gets a (possibly new) key and
/// reconnects with jittered back-off. Each successful (re)connection is reported through <see cref="Connected"/> so the
/// owner can reconcile what happened while it was away: Binance does not replay missed events.
/// </summary>
/// <remarks>
/// Binance has announced the retirement of listen keys for spot in favour of the WebSocket API's
/// userDataStream.subscribe; futures still use them. The event payloads are the same either way.
/// </remarks>
public sealed class BinanceUserDataStream : IAsyncDisposable
{
    private readonly BinanceRestClient client;
    private readonly BinanceSocketOptions options;
    private readonly IPluginLogger? logger;
    private readonly BinanceSocketLoop loop;
    private readonly CancellationTokenSource stopping = new();
    private string? listenKey;
    private Task? keepAlive;

    /// <summary>Creates the stream; nothing connects until <see cref="Start"/>.</summary>
    public BinanceUserDataStream(BinanceRestClient client, BinanceSocketOptions options, IPluginLogger? logger = null)
    {
        this.client = client;
        this.options = options;
        this.logger = logger;
        // LIST_SUBSCRIPTIONS changes nothing; its answer only proves the server reads this connection.
        loop = new BinanceSocketLoop(
            options,
            AddressAsync,
            id => $"{{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":{id}}}",
            HandleAsync,
            count => Connected?.Invoke(count) ?? Task.CompletedTask,
            logger);
    }

    /// <summary>An order event arrived.</summary>
    public event Action<BinanceOrderEvent>? OrderEvent;

    /// <summary>An account event arrived.</summary>
    public event Action<BinanceAccountEvent>? AccountEvent;

    /// <summary>A connection (the first or a reconnect, numbered from 1) is up; awaited before messages are read.</summary>
    public event Func<int, Task>? Connected;

    /// <summary>How many times the stream has connected.</summary>
    public int Connections => loop.Connections;

    /// <summary>How many connections were replaced because they reached <see cref="BinanceSocketOptions.MaximumConnectionAge"/>.</summary>
    public int Replacements => loop.Replacements;

    /// <summary>Connects and keeps connected until disposed.</summary>
    public void Start()
    {
        loop.Start();
        keepAlive ??= Task.Run(() => KeepAliveAsync(stopping.Token));
    }

    /// <summary>Drops the connection (the stream reconnects); for forced reconnects and tests.</summary>
    public void Reconnect() => loop.Reconnect();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await loop.DisposeAsync();
        if (keepAlive is not null)
        {
            await keepAlive.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        stopping.Dispose();
    }

    private async Task<Uri> AddressAsync(CancellationToken cancellationToken)
    {
        listenKey = await client.CreateListenKeyAsync(cancellationToken);
        return new Uri(options.BaseAddress, $"/ws/{listenKey}");
    }

    private Task HandleAsync(string text)
    {
        var message = BinanceUserEventParser.Parse(text);
        if (message.ListenKeyExpired)
        {
            logger?.Warning("Binance user stream: the listen key expired; reconnecting with a new one.");
            listenKey = null;
            loop.Reconnect();
        }
        else if (message.Order is not null)
        {
            OrderEvent?.Invoke(message.Order);
        }
        else if (message.Account is not null)
        {
            AccountEvent?.Invoke(message.Account);
        }

        return Task.CompletedTask;
    }

    private async Task KeepAliveAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(options.KeepAliveInterval, TimeProvider.System, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            if (cancellationToken.IsCancellationRequested || listenKey is not { } key)
            {
                continue;
            }

            try
            {
                await client.KeepAliveListenKeyAsync(key, cancellationToken);
            }
            catch (BinanceApiException exception)
            {
                logger?.Warning($"Binance user stream: keep-alive refused ({exception.Code}); reconnecting with a new listen key.");
                listenKey = null;
                loop.Reconnect();
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
            {
                logger?.Warning($"Binance user stream: keep-alive failed ({exception.GetType().Name}); will retry.");
            }
        }
    }
}
