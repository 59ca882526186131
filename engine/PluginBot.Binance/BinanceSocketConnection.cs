using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace PluginBot.Binance;

/// <summary>
/// One open WebSocket of a <see cref="BinanceSocketLoop"/>: its receive loop, when it was opened (on the streams'
/// clock) and a queue that holds data messages back until the owner has been told about the connection. Replies to our
/// own requests (<c>{"result":…,"id":n}</c>) are handed to the loop at once instead of the owner, so owners only see
/// data, and a reply that arrives behind data messages is never stuck behind them.
/// </summary>
internal sealed class BinanceSocketConnection : IDisposable
{
    private readonly ClientWebSocket socket;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim sendGate = new(1, 1);
    private readonly Channel<string> data = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    public BinanceSocketConnection(ClientWebSocket socket, int number, DateTimeOffset openedAt)
    {
        this.socket = socket;
        Number = number;
        OpenedAt = openedAt;
    }

    /// <summary>Counts connections of one loop from 1.</summary>
    public int Number { get; }

    /// <summary>When the connection was opened, on the loop's clock.</summary>
    public DateTimeOffset OpenedAt { get; }

    /// <summary>The receive loop; completes when the server closes, faults when the connection breaks.</summary>
    public Task Receiving { get; private set; } = Task.CompletedTask;

    /// <summary>Hands queued data to the owner once released; ends after the receive loop ended and the queue is empty.</summary>
    public Task Delivering { get; private set; } = Task.CompletedTask;

    /// <summary>Starts reading; data waits for <see cref="Release"/>, replies and the first-message callback do not.</summary>
    public void StartReceiving(Func<string, Task> onData, Action<long> onReply, Action onFirstMessage, CancellationToken cancellationToken)
    {
        Receiving = Task.Run(() => ReceiveAsync(onReply, onFirstMessage, cancellationToken), CancellationToken.None);
        Delivering = Task.Run(() => DeliverAsync(onData), CancellationToken.None);
    }

    /// <summary>Lets data messages through to the owner.</summary>
    public void Release() => ready.TrySetResult();

    public async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        await sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            sendGate.Release();
        }
    }

    /// <summary>
    /// Closes on our side and keeps reading until the server's close arrives (or <paramref name="timeout"/> passes),
    /// so messages already on their way are still delivered rather than cut off.
    /// </summary>
    public async Task CloseGracefullyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "replaced", cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    sendGate.Release();
                }
            }

            await Receiving.WaitAsync(timeout, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            await Delivering.WaitAsync(timeout, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or TimeoutException or IOException or InvalidOperationException)
        {
            // The old connection is being thrown away: however it ends, its replacement already carries the stream.
        }
        finally
        {
            Abort();
        }
    }

    public void Abort() => socket.Abort();

    public void Dispose()
    {
        ready.TrySetCanceled();
        data.Writer.TryComplete();
        socket.Abort();
        socket.Dispose();
        sendGate.Dispose();
    }

    /// <summary>Reads the id of a reply to one of our requests; data messages (which never carry a top-level id) return false.</summary>
    internal static bool TryReadReplyId(string text, out long id)
    {
        id = 0;
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
        var found = false;
        var isReply = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "id" && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
                {
                    id = value;
                    found = true;
                }
                else if (name is "result" or "error")
                {
                    isReply = true;
                }
                else if (name is "stream" or "data" or "e")
                {
                    return false;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return found && isReply;
    }

    private async Task DeliverAsync(Func<string, Task> onData)
    {
        try
        {
            await ready.Task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Disposed before it was ever released: nothing of this connection reaches the owner.
            return;
        }

        await foreach (var text in data.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            await onData(text).ConfigureAwait(false);
        }
    }

    private async Task ReceiveAsync(Action<long> onReply, Action onFirstMessage, CancellationToken cancellationToken)
    {
        try
        {
            await ReceiveMessagesAsync(onReply, onFirstMessage, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            data.Writer.TryComplete();
        }
    }

    private async Task ReceiveMessagesAsync(Action<long> onReply, Action onFirstMessage, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        var first = true;
        while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            message.SetLength(0);
            if (first)
            {
                first = false;
                onFirstMessage();
            }

            if (TryReadReplyId(text, out var id))
            {
                onReply(id);
                continue;
            }

            data.Writer.TryWrite(text);
        }
    }
}
