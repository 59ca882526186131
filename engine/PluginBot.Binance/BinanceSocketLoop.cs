using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Binance;

/// <summary>
/// Keeps one WebSocket connected: connects to the address the owner gives (it may change, e.g. a new listen key),
/// hands every data message to the owner, and on any failure or close reconnects after a jittered back-off and tells
/// the owner (which reconciles). A connection whose peer stops answering pings is aborted by the socket's keep-alive
/// timeout and reconnected like any failure. A connection older than the configured age is replaced make-before-break:
/// the new one is opened and confirmed (it answered a request, so the server serves it) before the old one is closed,
/// and the owner de-duplicates what both delivered meanwhile. Waits use <see cref="TimeProvider.System"/>: they are
/// network timings; only the connection age is read from the injectable <see cref="BinanceSocketOptions.Clock"/>.
/// </summary>
internal sealed class BinanceSocketLoop : IAsyncDisposable
{
    private readonly BinanceSocketOptions options;
    private readonly Func<CancellationToken, Task<Uri>> addressFactory;
    private readonly Func<long, string>? confirmationRequest;
    private readonly Func<string, Task> onMessage;
    private readonly Func<int, Task> onConnected;
    private readonly IPluginLogger? logger;
    private readonly ReconnectBackoff backoff;
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim dispatchGate = new(1, 1);
    private readonly ConcurrentDictionary<long, TaskCompletionSource> pendingReplies = new();
    private long lastRequestId;
    private int connections;
    private BinanceSocketConnection? current;
    private Task? loop;

    /// <param name="options">Timings and the clock.</param>
    /// <param name="addressFactory">The address of the next connection.</param>
    /// <param name="confirmationRequest">Builds the request (given its id) a new connection must answer before it counts as serving; null skips the check.</param>
    /// <param name="onMessage">Receives every data message, one at a time even while two connections overlap.</param>
    /// <param name="onConnected">Told about each connection (numbered from 1) before its first data message.</param>
    /// <param name="logger">Where connection changes are reported.</param>
    public BinanceSocketLoop(BinanceSocketOptions options, Func<CancellationToken, Task<Uri>> addressFactory, Func<long, string>? confirmationRequest, Func<string, Task> onMessage, Func<int, Task> onConnected, IPluginLogger? logger)
    {
        this.options = options;
        this.addressFactory = addressFactory;
        this.confirmationRequest = confirmationRequest;
        this.onMessage = onMessage;
        this.onConnected = onConnected;
        this.logger = logger;
        backoff = new ReconnectBackoff(options.ReconnectInitialDelay, options.ReconnectMaximumDelay, options.JitterSeed);
    }

    public int Connections => Volatile.Read(ref connections);

    /// <summary>How many connections were replaced because of their age (not counting failures).</summary>
    public int Replacements { get; private set; }

    public void Start() => loop ??= Task.Run(() => RunAsync(stopping.Token));

    /// <summary>Drops the current connection; the loop reconnects.</summary>
    public void Reconnect() => current?.Abort();

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        current?.Abort();
        if (loop is not null)
        {
            try
            {
                await loop;
            }
            catch (OperationCanceledException)
            {
                // Stopping is the expected way out.
            }
        }

        stopping.Dispose();
    }

    private static bool IsConnectionFailure(Exception exception) =>
        exception is WebSocketException or HttpRequestException or IOException or OperationCanceledException or BinanceApiException or InvalidOperationException or TimeoutException;

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
                await SuperviseAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (IsConnectionFailure(exception))
            {
                logger?.Warning($"Binance stream: connection lost ({exception.GetType().Name}: {exception.Message}); reconnecting.");
            }
            finally
            {
                current?.Dispose();
                current = null;
            }

            await Task.Delay(backoff.Next(), TimeProvider.System, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Watches the active connection until it fails, replacing it whenever it reaches the age limit.</summary>
    private async Task SuperviseAsync(BinanceSocketConnection active, CancellationToken cancellationToken)
    {
        while (true)
        {
            var tick = Task.Delay(options.ConnectionAgeCheckInterval, TimeProvider.System, cancellationToken);
            if (await Task.WhenAny(active.Receiving, tick).ConfigureAwait(false) == active.Receiving)
            {
                // What arrived before the end still reaches the owner before the loop reconnects and reconciles.
                await ObserveAsync(active.Delivering).ConfigureAwait(false);
                await active.Receiving.ConfigureAwait(false);
                logger?.Information("Binance stream: the server closed the connection; reconnecting.");
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var age = options.Clock.UtcNow - active.OpenedAt;
            if (age < options.MaximumConnectionAge)
            {
                continue;
            }

            logger?.Information($"Binance stream: connection {active.Number} is {age.TotalHours:0.#} h old; opening its replacement before closing it.");
            BinanceSocketConnection replacement;
            try
            {
                replacement = await OpenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsConnectionFailure(exception) && !cancellationToken.IsCancellationRequested)
            {
                // The old connection still works: keep it and try again at the next check.
                logger?.Warning($"Binance stream: the replacement connection failed ({exception.GetType().Name}); keeping the old one for now.");
                continue;
            }

            await active.CloseGracefullyAsync(options.ConfirmationTimeout, cancellationToken).ConfigureAwait(false);
            await ObserveAsync(active.Receiving).ConfigureAwait(false);
            await ObserveAsync(active.Delivering).ConfigureAwait(false);
            active.Dispose();
            Replacements++;
            active = replacement;
        }
    }

    /// <summary>Connects, starts reading, confirms the server serves the connection, tells the owner, then lets data through.</summary>
    private async Task<BinanceSocketConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var address = await addressFactory(cancellationToken).ConfigureAwait(false);
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = options.PingInterval;
        socket.Options.KeepAliveTimeout = options.PingTimeout;
        BinanceSocketConnection? connection = null;
        var previous = current;
        try
        {
            await socket.ConnectAsync(address, cancellationToken).ConfigureAwait(false);
            connection = new BinanceSocketConnection(socket, Interlocked.Increment(ref connections), options.Clock.UtcNow);
            connection.StartReceiving(DispatchAsync, CompleteReply, backoff.Reset, cancellationToken);
            await ConfirmAsync(connection, cancellationToken).ConfigureAwait(false);
            current = connection;
            await onConnected(connection.Number).ConfigureAwait(false);
            connection.Release();
            return connection;
        }
        catch
        {
            if (connection is not null)
            {
                if (ReferenceEquals(current, connection))
                {
                    // A failed replacement leaves the connection it was meant to replace in charge.
                    current = previous;
                }

                connection.Dispose();
                await ObserveAsync(connection.Receiving).ConfigureAwait(false);
            }
            else
            {
                socket.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// Sends the owner's confirmation request and waits for its reply: the server processes a connection's messages in
    /// order, so the reply proves the subscriptions are in place. No reply in time is logged and tolerated (an older
    /// server may not answer), a broken connection is not.
    /// </summary>
    private async Task ConfirmAsync(BinanceSocketConnection connection, CancellationToken cancellationToken)
    {
        if (confirmationRequest is null)
        {
            return;
        }

        var id = Interlocked.Increment(ref lastRequestId);
        var reply = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pendingReplies[id] = reply;
        try
        {
            await connection.SendAsync(confirmationRequest(id), cancellationToken).ConfigureAwait(false);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var expired = Task.Delay(options.ConfirmationTimeout, TimeProvider.System, timeout.Token);
            var finished = await Task.WhenAny(reply.Task, connection.Receiving, expired).ConfigureAwait(false);
            await timeout.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (finished == connection.Receiving)
            {
                await connection.Receiving.ConfigureAwait(false);
                throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "The server closed the connection before confirming it.");
            }

            if (finished == expired)
            {
                logger?.Warning($"Binance stream: connection {connection.Number} did not answer request {id} within {options.ConfirmationTimeout.TotalSeconds:0.#} s; using it anyway.");
            }
        }
        finally
        {
            pendingReplies.TryRemove(id, out _);
        }
    }

    private void CompleteReply(long id)
    {
        if (pendingReplies.TryGetValue(id, out var reply))
        {
            reply.TrySetResult();
        }
    }

    private async Task DispatchAsync(string text)
    {
        // Two connections overlap while one replaces the other: the owner still sees one message at a time.
        await dispatchGate.WaitAsync().ConfigureAwait(false);
        try
        {
            await onMessage(text).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            // One unreadable message must not stop delivery of the ones after it.
            logger?.Error($"Binance stream: a message could not be handled ({exception.GetType().Name}); skipped.", exception);
        }
        finally
        {
            dispatchGate.Release();
        }
    }

    private static async Task ObserveAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception exception) when (IsConnectionFailure(exception) || exception is ObjectDisposedException)
        {
            // A connection being discarded may end any way it likes.
        }
    }
}
