using System.Text.Json;

namespace PluginBot.Binance.FakeServer;

/// <summary>
/// The fake server's WebSocket side: listen keys and user-data connections (with duplicate/reorder faults applied to
/// events), and market-stream connections (raw /ws/&lt;stream&gt; or combined /stream?streams=, plus SUBSCRIBE).
/// </summary>
public sealed class FakeStreamHub
{
    private readonly object gate = new();
    private readonly List<FakeSocketConnection> connections = [];
    private readonly List<FakeSocketConnection> everAccepted = [];
    private readonly List<string> connectionLog = [];
    private readonly Dictionary<string, DateTimeOffset> listenKeys = new(StringComparer.Ordinal);
    private readonly FakeFaults faults;
    private readonly IBinanceClock clock;
    private readonly TimeSpan listenKeyLifetime;
    private string? heldEvent;
    private int listenKeyCounter;
    private long userEventsSent;

    internal FakeStreamHub(FakeFaults faults, IBinanceClock clock, TimeSpan listenKeyLifetime)
    {
        this.faults = faults;
        this.clock = clock;
        this.listenKeyLifetime = listenKeyLifetime;
    }

    /// <summary>How many user-data connections were ever accepted (a reconnect adds one).</summary>
    public int UserConnectionsAccepted { get; private set; }

    /// <summary>How many market-stream connections were ever accepted.</summary>
    public int MarketConnectionsAccepted { get; private set; }

    /// <summary>User-data messages written, duplicates included.</summary>
    public long UserEventsSent => Interlocked.Read(ref userEventsSent);

    /// <summary>Listen keys created so far.</summary>
    public int ListenKeysCreated => listenKeyCounter;

    /// <summary>Keep-alives received.</summary>
    public int KeepAlivesReceived { get; private set; }

    /// <summary>
    /// What happened to the WebSocket connections, in order: "accepted 2 market", "request 2 SUBSCRIBE",
    /// "ended 1". Connections are numbered from 1 in acceptance order; a test reads the order of a switch-over here.
    /// </summary>
    public IReadOnlyList<string> ConnectionLog
    {
        get
        {
            lock (gate)
            {
                return connectionLog.ToArray();
            }
        }
    }

    /// <summary>
    /// Raised with the connection's number and the request's method when a client sends a request (SUBSCRIBE,
    /// LIST_SUBSCRIPTIONS...), before the reply is queued: a test can publish at exactly that moment.
    /// </summary>
    public event Action<int, string>? RequestReceived;

    /// <summary>How many messages were queued for connection <paramref name="number"/> (silenced ones included).</summary>
    public int MessagesQueuedTo(int number)
    {
        lock (gate)
        {
            return everAccepted.FirstOrDefault(connection => connection.Number == number)?.MessagesQueued ?? 0;
        }
    }

    /// <summary>
    /// Makes every open market-stream connection silent: the server stops sending and stops answering pings, without
    /// closing anything. Returns how many connections went silent.
    /// </summary>
    public int SilenceMarket() => Silence(connection => connection.ListenKey is null);

    /// <summary>Makes every open user-data connection silent (see <see cref="SilenceMarket"/>).</summary>
    public int SilenceUsers() => Silence(connection => connection.ListenKey is not null);

    /// <summary>Drops every open WebSocket (user and market) without a close handshake, like a network failure.</summary>
    public void DisconnectAll()
    {
        lock (gate)
        {
            foreach (var connection in connections)
            {
                connection.Abort();
            }
        }
    }

    /// <summary>Expires every listen key: connected clients get Binance's listenKeyExpired event and are disconnected.</summary>
    public void ExpireListenKeys()
    {
        lock (gate)
        {
            foreach (var key in listenKeys.Keys.ToArray())
            {
                listenKeys.Remove(key);
                foreach (var connection in connections.Where(connection => connection.ListenKey == key))
                {
                    connection.Send(FakePayloads.Json(new Dictionary<string, object?> { ["e"] = "listenKeyExpired", ["E"] = clock.UtcNow.ToUnixTimeMilliseconds(), ["listenKey"] = key }));
                }
            }
        }

        _ = Task.Delay(50).ContinueWith(_ => DisconnectUsers(), TaskScheduler.Default);
    }

    /// <summary>Sends <paramref name="data"/> to every connection subscribed to <paramref name="stream"/>.</summary>
    public void PublishMarket(string stream, string data)
    {
        lock (gate)
        {
            foreach (var connection in connections.Where(connection => connection.ListenKey is null && connection.Streams.Contains(stream)))
            {
                connection.Send(connection.Combined ? $"{{\"stream\":{JsonSerializer.Serialize(stream)},\"data\":{data}}}" : data);
            }
        }
    }

    /// <summary>Sends any event still held back by a reorder fault.</summary>
    public void FlushHeldEvent()
    {
        lock (gate)
        {
            if (heldEvent is not null)
            {
                SendToUsers(heldEvent);
                heldEvent = null;
            }
        }
    }

    internal void PublishUser(string message)
    {
        lock (gate)
        {
            if (heldEvent is null && faults.TakeReorder())
            {
                heldEvent = message;
                return;
            }

            SendToUsers(message);
            if (faults.TakeDuplicate())
            {
                SendToUsers(message);
            }

            if (heldEvent is not null)
            {
                SendToUsers(heldEvent);
                heldEvent = null;
            }
        }
    }

    internal string CreateListenKey()
    {
        lock (gate)
        {
            var now = clock.UtcNow;
            var live = listenKeys.FirstOrDefault(pair => pair.Value > now).Key;
            if (live is not null)
            {
                return live;
            }

            var key = $"pluginbotfakelistenkey{++listenKeyCounter:D6}";
            listenKeys[key] = now + listenKeyLifetime;
            return key;
        }
    }

    internal bool KeepAlive(string? key)
    {
        lock (gate)
        {
            key ??= listenKeys.Keys.FirstOrDefault();
            if (key is null || !listenKeys.TryGetValue(key, out var expiry) || expiry <= clock.UtcNow)
            {
                return false;
            }

            listenKeys[key] = clock.UtcNow + listenKeyLifetime;
            KeepAlivesReceived++;
            return true;
        }
    }

    internal void Close(string? key)
    {
        lock (gate)
        {
            if (key is null)
            {
                listenKeys.Clear();
            }
            else
            {
                listenKeys.Remove(key);
            }
        }
    }

    internal bool IsListenKey(string name)
    {
        lock (gate)
        {
            return listenKeys.TryGetValue(name, out var expiry) && expiry > clock.UtcNow;
        }
    }

    internal async Task RunAsync(FakeSocketConnection connection, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            connections.Add(connection);
            everAccepted.Add(connection);
            connection.Number = everAccepted.Count;
            connectionLog.Add($"accepted {connection.Number} {(connection.ListenKey is null ? "market" : "user")}");
            if (connection.ListenKey is null)
            {
                MarketConnectionsAccepted++;
            }
            else
            {
                UserConnectionsAccepted++;
            }
        }

        try
        {
            await connection.RunAsync(HandleText, cancellationToken);
        }
        finally
        {
            lock (gate)
            {
                connections.Remove(connection);
                connectionLog.Add($"ended {connection.Number}");
            }
        }
    }

    private int Silence(Func<FakeSocketConnection, bool> which)
    {
        lock (gate)
        {
            var chosen = connections.Where(which).Where(connection => !connection.IsSilenced).ToList();
            foreach (var connection in chosen)
            {
                connection.Silence();
                connectionLog.Add($"silenced {connection.Number}");
            }

            return chosen.Count;
        }
    }

    private void DisconnectUsers()
    {
        lock (gate)
        {
            foreach (var connection in connections.Where(connection => connection.ListenKey is not null))
            {
                connection.Abort();
            }
        }
    }

    private void SendToUsers(string message)
    {
        foreach (var connection in connections.Where(connection => connection.ListenKey is not null))
        {
            // A silenced connection queues the event too: the server believes it sent it, as a real one would.
            connection.Send(message);
            Interlocked.Increment(ref userEventsSent);
        }
    }

    private string? HandleText(FakeSocketConnection connection, string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var method = root.TryGetProperty("method", out var value) ? value.GetString() : null;
        var id = root.TryGetProperty("id", out var idValue) ? idValue.GetRawText() : "null";
        string result;
        lock (gate)
        {
            foreach (var stream in root.TryGetProperty("params", out var parameters) ? parameters.EnumerateArray().Select(item => item.GetString()!) : [])
            {
                if (method == "SUBSCRIBE")
                {
                    connection.Streams.Add(stream);
                }
                else if (method == "UNSUBSCRIBE")
                {
                    connection.Streams.Remove(stream);
                }
            }

            connectionLog.Add($"request {connection.Number} {method}");
            result = method == "LIST_SUBSCRIPTIONS" ? JsonSerializer.Serialize(connection.Streams.Order(StringComparer.Ordinal).ToArray()) : "null";
        }

        RequestReceived?.Invoke(connection.Number, method ?? string.Empty);
        return $"{{\"result\":{result},\"id\":{id}}}";
    }
}
