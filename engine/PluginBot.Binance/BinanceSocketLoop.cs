using System.Net.WebSockets;
using System.Text;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Binance;

/// <summary>
/// Keeps one WebSocket connected: connects to the address the owner gives (it may change, e.g. a new listen key),
/// hands every text message to the owner, and on any failure, close or age limit reconnects after a jittered back-off
/// and tells the owner (which resubscribes and reconciles). Real-time waits use <see cref="TimeProvider.System"/>:
/// these are network timings, not the exchange clock that rate limiting virtualises.
/// </summary>
internal sealed class BinanceSocketLoop : IAsyncDisposable
{
    private readonly BinanceSocketOptions options;
    private readonly Func<CancellationToken, Task<Uri>> addressFactory;
    private readonly Func<string, Task> onMessage;
    private readonly Func<int, Task> onConnected;
    private readonly IPluginLogger? logger;
    private readonly ReconnectBackoff backoff;
    private readonly CancellationTokenSource stopping = new();
    private ClientWebSocket? current;
    private Task? loop;

    public BinanceSocketLoop(BinanceSocketOptions options, Func<CancellationToken, Task<Uri>> addressFactory, Func<string, Task> onMessage, Func<int, Task> onConnected, IPluginLogger? logger)
    {
        this.options = options;
        this.addressFactory = addressFactory;
        this.onMessage = onMessage;
        this.onConnected = onConnected;
        this.logger = logger;
        backoff = new ReconnectBackoff(options.ReconnectInitialDelay, options.ReconnectMaximumDelay, options.JitterSeed);
    }

    public int Connections { get; private set; }

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

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var address = await addressFactory(cancellationToken);
                using var socket = new ClientWebSocket();
                socket.Options.KeepAliveInterval = options.PingInterval;
                socket.Options.KeepAliveTimeout = options.PingTimeout;
                await socket.ConnectAsync(address, cancellationToken);
                current = socket;
                Connections++;
                await onConnected(Connections);
                using var ageLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                ageLimit.CancelAfter(options.MaximumConnectionAge);
                await ReceiveAsync(socket, ageLimit.Token);
                if (!cancellationToken.IsCancellationRequested && ageLimit.IsCancellationRequested)
                {
                    logger?.Information("Binance stream: reconnecting before the 24 h connection limit.");
                    backoff.Reset();
                    continue;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is WebSocketException or HttpRequestException or IOException or OperationCanceledException or BinanceApiException or InvalidOperationException)
            {
                logger?.Warning($"Binance stream: connection lost ({exception.GetType().Name}: {exception.Message}); reconnecting.");
            }
            finally
            {
                current = null;
            }

            await Task.Delay(backoff.Next(), TimeProvider.System, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        var healthy = false;
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                logger?.Information($"Binance stream: server closed the connection ({result.CloseStatus}).");
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            message.SetLength(0);
            if (!healthy)
            {
                healthy = true;
                backoff.Reset();
            }

            await onMessage(text);
        }
    }
}
