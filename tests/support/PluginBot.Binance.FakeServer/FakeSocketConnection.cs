using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace PluginBot.Binance.FakeServer;

/// <summary>One accepted WebSocket: an outbound queue drained by a writer loop, and a reader loop that answers pings and SUBSCRIBE requests.</summary>
internal sealed class FakeSocketConnection
{
    private readonly WebSocket socket;
    private readonly FakeSilenceableStream? transport;
    private int messagesQueued;
    private readonly Channel<string> outbound = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public FakeSocketConnection(WebSocket socket, FakeSilenceableStream? transport, string? listenKey, IEnumerable<string> streams, bool combined)
    {
        this.socket = socket;
        this.transport = transport;
        ListenKey = listenKey;
        Combined = combined;
        foreach (var stream in streams)
        {
            Streams.Add(stream);
        }
    }

    public string? ListenKey { get; }

    public bool Combined { get; }

    public HashSet<string> Streams { get; } = new(StringComparer.Ordinal);

    /// <summary>Numbers every connection the hub accepted, from 1, user and market alike.</summary>
    public int Number { get; set; }

    /// <summary>Messages queued for this connection (silenced ones included, which never arrive).</summary>
    public int MessagesQueued => Volatile.Read(ref messagesQueued);

    /// <summary>True once the server stopped sending on this connection.</summary>
    public bool IsSilenced => transport?.IsSilenced ?? false;

    /// <summary>Stops everything server-to-client, pongs included, without closing the connection.</summary>
    public void Silence() => transport?.Silence();

    public void Send(string message)
    {
        Interlocked.Increment(ref messagesQueued);
        outbound.Writer.TryWrite(message);
    }

    public void Abort() => socket.Abort();

    public async Task RunAsync(Func<FakeSocketConnection, string, string?> onText, CancellationToken cancellationToken)
    {
        var writer = WriteLoopAsync(cancellationToken);
        var buffer = new byte[8192];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    break;
                }

                var reply = onText(this, Encoding.UTF8.GetString(buffer, 0, result.Count));
                if (reply is not null)
                {
                    Send(reply);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the test aborted the socket: both end the connection.
        }
        finally
        {
            outbound.Writer.TryComplete();
            await writer;
        }
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in outbound.Reader.ReadAllAsync(cancellationToken))
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Ends with the connection.
        }
    }
}
