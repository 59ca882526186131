using System.Threading.Channels;
using PluginBot.Binance;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.Exchange.Binance;

/// <summary>
/// The engine's <see cref="IExchangeAdapter"/> for Binance. <see cref="Submit"/> and <see cref="Cancel"/> only queue:
/// one send loop does the REST work in order, so the engine's thread never waits on the network. Fills and states
/// arrive from the user-data stream and from REST answers through one <see cref="OrderTracker"/> that de-duplicates and
/// orders them. A new order whose answer is lost is looked up by its client order id before it is ever resent, and
/// after start-up and every reconnect the adapter reconciles open orders, order states and trades since its last sync;
/// orders on the account that the engine did not send are reported in <see cref="UnknownOrders"/>, never touched.
/// </summary>
public sealed partial class BinanceExchangeAdapter : IExchangeAdapter, IPlugin, IAsyncDisposable
{
    private const int MaximumSendAttempts = 6;

    private readonly Channel<AdapterCommand> commands = Channel.CreateUnbounded<AdapterCommand>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, InstrumentRules> instruments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> tradesSyncedUpTo = new(StringComparer.Ordinal);
    private readonly HashSet<string> tradeSyncQueued = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private readonly object startGate = new();
    private Task? startup;
    private BinanceRestClient? client;
    private BinanceUserDataStream? stream;
    private OrderTracker? tracker;
    private IPluginLogger? logger;
    private IExecutionEventSink? sink;
    private string? refusal;
    private IReadOnlyList<string> symbols = [];
    private Task? sendLoop;
    private int pendingCommands;
    private bool ownsClient;

    /// <summary>Used by the plugin host, which then calls <see cref="Initialize"/>.</summary>
    public BinanceExchangeAdapter()
    {
    }

    /// <summary>Creates an adapter over an existing client (hosts and tests).</summary>
    /// <param name="client">The REST client; its base address decides whether orders are allowed.</param>
    /// <param name="socketOptions">User-data-stream settings.</param>
    /// <param name="symbols">Symbols traded; their trade history is baselined at start so older trades are not replayed.</param>
    /// <param name="liveTrading">The explicit opt-in needed to send orders to a production host.</param>
    /// <param name="logger">Where the adapter logs; it never logs keys or signatures.</param>
    public BinanceExchangeAdapter(BinanceRestClient client, BinanceSocketOptions socketOptions, IReadOnlyList<string> symbols, bool liveTrading, IPluginLogger? logger = null)
    {
        Configure(client, socketOptions, symbols, liveTrading, logger);
    }

    /// <inheritdoc />
    public string Name => client?.Market == BinanceMarket.UsdFutures ? "binance-usdm" : "binance-spot";

    /// <summary>Orders on the account that the engine did not send, as "SYMBOL:clientOrderId"; reported, never adopted or cancelled.</summary>
    public IReadOnlyCollection<string> UnknownOrders => tracker?.UnknownOrders ?? [];

    /// <summary>Raised for each order in <see cref="UnknownOrders"/> when first seen.</summary>
    public event Action<string>? UnknownOrderFound;

    /// <summary>How many reconciliations have completed.</summary>
    public int Reconciliations { get; private set; }

    /// <summary>Why orders are refused (live trading not enabled for a production host), or null when they are allowed.</summary>
    public string? TradingRefusal => refusal;

    /// <summary>The REST client, for balances and positions.</summary>
    public BinanceRestClient Client => client ?? throw new InvalidOperationException("The adapter is not initialised.");

    /// <summary>The trading rules loaded at start.</summary>
    public IReadOnlyDictionary<string, InstrumentRules> Instruments => instruments;

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = BinanceAdapterSettings.Read(context.Settings);
        var credentials = BinanceCredentials.FromEnvironment()
            ?? (settings.SecretFile is { } file ? BinanceCredentials.FromFile(file) : null)
            ?? throw new Sdk.Configuration.PluginSettingsException(
                $"{context.Settings.Path}.secretFile",
                $"no Binance credentials: set {BinanceCredentials.ApiKeyVariable} and {BinanceCredentials.ApiSecretVariable}, or give a secretFile");
        var options = BinanceClientOptions.ForMarket(settings.Market) with
        {
            BaseAddress = settings.RestAddress,
            Credentials = credentials,
            ReceiveWindow = settings.ReceiveWindow,
            Logger = context.Log,
        };
        Configure(new BinanceRestClient(options), new BinanceSocketOptions { BaseAddress = settings.StreamAddress }, settings.Symbols, settings.LiveTrading, context.Log);
        ownsClient = true;

        // A host sees only IPlugin and IExchangeAdapter, so nobody would ever call StartAsync: the adapter connects by
        // itself, in the background so Initialize never blocks on the network. Orders submitted meanwhile wait in the
        // queue, which the send loop drains once the start-up (clock, rules, trade baseline, stream) is done.
        lock (startGate)
        {
            startup ??= Task.Run(() => StartWithRetriesAsync(stopping.Token), CancellationToken.None);
        }
    }

    /// <inheritdoc />
    public void Attach(IExecutionEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        this.sink = sink;
        tracker?.Attach(sink);
    }

    /// <summary>
    /// Synchronises the clock, loads trading rules, baselines the trade history of the traded symbols, opens the
    /// user-data stream (each connection triggers a reconciliation) and starts the send loop. Starts once: a second
    /// call (or a call after <see cref="Initialize"/> began the start-up) returns the same start-up.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (startGate)
        {
            return startup ??= StartCoreAsync(cancellationToken);
        }
    }

    /// <summary>Whether the start-up has finished: rules loaded, stream opened, orders flowing.</summary>
    public bool IsStarted => startup is { IsCompletedSuccessfully: true };

    private async Task StartWithRetriesAsync(CancellationToken cancellationToken)
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), seed: 29);
        while (true)
        {
            try
            {
                await StartCoreAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is BinanceApiException or BinanceOutcomeUnknownException or HttpRequestException or IOException or OperationCanceledException)
            {
                logger?.Error("Binance adapter: start-up failed; retrying.", exception);
            }

            await Task.Delay(backoff.Next(), TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var rest = Client;
        await rest.SynchronizeTimeAsync(cancellationToken);
        foreach (var rules in await rest.GetInstrumentRulesAsync(cancellationToken))
        {
            instruments[rules.Symbol] = rules;
        }

        foreach (var symbol in symbols)
        {
            var recent = await rest.GetTradesAsync(symbol, null, cancellationToken);
            tradesSyncedUpTo[symbol] = recent.Count == 0 ? 0 : recent.Max(trade => trade.TradeId);
        }

        sendLoop = Task.Run(() => SendLoopAsync(stopping.Token), CancellationToken.None);
        stream!.Start();
        logger?.Information($"Binance adapter: started against {rest.Options.BaseAddress} for {string.Join(',', symbols)}.");
    }

    /// <inheritdoc />
    public void Submit(OrderRequest order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var orders = tracker ?? throw new InvalidOperationException("The adapter is not initialised.");
        if (!orders.TryRegister(order, out var tracked))
        {
            return;
        }

        if (refusal is not null)
        {
            logger?.Warning($"Binance order {order.ClientOrderId} refused: {refusal}.");
            orders.Reject(tracked, refusal, Client.RateLimiter.Now.UtcDateTime);
            return;
        }

        tracked.Sent = true;
        Enqueue(new AdapterCommand(Order: tracked));
    }

    /// <inheritdoc />
    public void Cancel(string clientOrderId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientOrderId);
        Enqueue(new AdapterCommand(CancelEngineId: clientOrderId));
    }

    /// <summary>Queues a full reconciliation (it also runs by itself after every stream connection).</summary>
    public void RequestReconciliation() => Enqueue(new AdapterCommand(Reconcile: true));

    /// <summary>Waits until every queued command has been processed; for shutdown and tests.</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        while (Volatile.Read(ref pendingCommands) > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System, cancellationToken);
        }
    }

    /// <summary>Forces the user-data stream to reconnect (which reconciles); for operators and tests.</summary>
    public void ReconnectStream() => stream?.Reconnect();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        commands.Writer.TryComplete();
        await stopping.CancelAsync();
        if (startup is not null)
        {
            await startup.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        if (sendLoop is not null)
        {
            await sendLoop.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        if (stream is not null)
        {
            await stream.DisposeAsync();
        }

        if (ownsClient)
        {
            client?.Dispose();
        }

        stopping.Dispose();
    }

    private void Configure(BinanceRestClient restClient, BinanceSocketOptions socketOptions, IReadOnlyList<string> tradedSymbols, bool liveTrading, IPluginLogger? log)
    {
        client = restClient;
        logger = log;
        symbols = tradedSymbols;
        refusal = BinanceTradingGuard.Check(restClient.Options.BaseAddress, liveTrading);
        if (refusal is not null)
        {
            log?.Warning($"Binance adapter: {refusal}; orders will be rejected.");
        }

        tracker = new OrderTracker(symbol => instruments.GetValueOrDefault(symbol), log);
        tracker.UnknownOrderFound += key => UnknownOrderFound?.Invoke(key);
        tracker.TradesMissing += QueueTradeSync;
        if (sink is not null)
        {
            tracker.Attach(sink);
        }

        stream = new BinanceUserDataStream(restClient, socketOptions, log);
        stream.OrderEvent += update => tracker.ApplyEvent(update);
        stream.Connected += _ =>
        {
            RequestReconciliation();
            return Task.CompletedTask;
        };
    }

    private void QueueTradeSync(string symbol)
    {
        lock (tradeSyncQueued)
        {
            if (!tradeSyncQueued.Add(symbol))
            {
                return;
            }
        }

        Enqueue(new AdapterCommand(TradesSymbol: symbol));
    }

    private void Enqueue(AdapterCommand command)
    {
        Interlocked.Increment(ref pendingCommands);
        if (!commands.Writer.TryWrite(command))
        {
            Interlocked.Decrement(ref pendingCommands);
        }
    }
}
