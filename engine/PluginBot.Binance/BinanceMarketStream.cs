using System.Text.Json;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Binance;

/// <summary>
/// Public market streams over one combined connection (<c>/stream?streams=a/b/c</c>): closed klines as SDK bars,
/// bookTicker as quotes, aggTrade as trades. The stream list is part of the address, so every reconnect (after a
/// failure or a missed pong) resubscribes everything; each new connection also sends a SUBSCRIBE for the same list and
/// waits for its answer, which proves the server serves them. At the 23 h age limit the replacement connection is
/// confirmed before the old one closes; what both delivered meanwhile is dropped the second time by its sequence
/// (kline open time, bookTicker update id, aggregate trade id), so each message reaches the handlers once.
/// </summary>
public sealed class BinanceMarketStream : IAsyncDisposable
{
    private readonly BinanceSocketLoop loop;
    private readonly Dictionary<string, BarInterval> klineIntervals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> lastSequence = new(StringComparer.Ordinal);

    /// <summary>Creates the stream for the given subscriptions; nothing connects until <see cref="Start"/>.</summary>
    public BinanceMarketStream(BinanceSocketOptions options, BinanceMarketSubscriptions subscriptions, IPluginLogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var streams = new List<string>();
        foreach (var (symbol, interval) in subscriptions.Klines)
        {
            var name = $"{symbol.ToLowerInvariant()}@kline_{interval}";
            klineIntervals[name] = interval;
            streams.Add(name);
        }

        streams.AddRange(subscriptions.BookTickers.Select(symbol => $"{symbol.ToLowerInvariant()}@bookTicker"));
        streams.AddRange(subscriptions.AggregateTrades.Select(symbol => $"{symbol.ToLowerInvariant()}@aggTrade"));
        if (streams.Count == 0)
        {
            throw new ArgumentException("Subscribe to at least one stream.", nameof(subscriptions));
        }

        var address = new Uri(options.BaseAddress, $"/stream?streams={string.Join('/', streams)}");
        var subscribe = string.Join(',', streams.Select(stream => JsonSerializer.Serialize(stream)));
        loop = new BinanceSocketLoop(
            options,
            _ => Task.FromResult(address),
            id => $"{{\"method\":\"SUBSCRIBE\",\"params\":[{subscribe}],\"id\":{id}}}",
            HandleAsync,
            count => Connected?.Invoke(count) ?? Task.CompletedTask,
            logger);
    }

    /// <summary>A kline closed.</summary>
    public event Action<Bar>? BarClosed;

    /// <summary>The best bid or ask changed.</summary>
    public event Action<Quote>? QuoteChanged;

    /// <summary>A trade (aggregated by price and taker) printed.</summary>
    public event Action<MarketTrade>? TradePrinted;

    /// <summary>A connection (numbered from 1) is up.</summary>
    public event Func<int, Task>? Connected;

    /// <summary>How many connections have been opened (failures and age replacements both add one).</summary>
    public int Connections => loop.Connections;

    /// <summary>How many connections were replaced because they reached <see cref="BinanceSocketOptions.MaximumConnectionAge"/>.</summary>
    public int Replacements => loop.Replacements;

    /// <summary>Connects and stays connected until disposed.</summary>
    public void Start() => loop.Start();

    /// <summary>Drops the connection; it reconnects and resubscribes.</summary>
    public void Reconnect() => loop.Reconnect();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => loop.DisposeAsync();

    /// <summary>Parses one combined-stream message and raises the matching event; kline updates before the close are skipped.</summary>
    internal void Dispatch(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("stream", out var streamName) || !root.TryGetProperty("data", out var data))
        {
            return;
        }

        var stream = streamName.GetString()!;
        if (klineIntervals.TryGetValue(stream, out var interval))
        {
            var kline = data.GetProperty("k");
            if (kline.GetProperty("x").GetBoolean() && IsNew(stream, kline.GetProperty("t").GetInt64()))
            {
                BarClosed?.Invoke(new Bar(
                    kline.GetProperty("s").GetString()!,
                    interval,
                    BinanceWireNames.FromMilliseconds(kline.GetProperty("t").GetInt64()),
                    BinanceJsonReader.Number(kline, "o"),
                    BinanceJsonReader.Number(kline, "h"),
                    BinanceJsonReader.Number(kline, "l"),
                    BinanceJsonReader.Number(kline, "c"),
                    BinanceJsonReader.Number(kline, "v")));
            }
        }
        else if (stream.EndsWith("@bookTicker", StringComparison.Ordinal))
        {
            if (data.TryGetProperty("u", out var updateId) && !IsNew(stream, updateId.GetInt64()))
            {
                return;
            }

            var time = data.TryGetProperty("E", out var eventTime) ? BinanceWireNames.FromMilliseconds(eventTime.GetInt64()) : DateTime.UnixEpoch;
            QuoteChanged?.Invoke(new Quote(data.GetProperty("s").GetString()!, time, BinanceJsonReader.Number(data, "b"), BinanceJsonReader.Number(data, "B"), BinanceJsonReader.Number(data, "a"), BinanceJsonReader.Number(data, "A")));
        }
        else if (stream.EndsWith("@aggTrade", StringComparison.Ordinal))
        {
            if (data.TryGetProperty("a", out var tradeId) && !IsNew(stream, tradeId.GetInt64()))
            {
                return;
            }

            // "m": the buyer was the maker, so the aggressor sold.
            var aggressor = data.GetProperty("m").GetBoolean() ? AggressorSide.Seller : AggressorSide.Buyer;
            TradePrinted?.Invoke(new MarketTrade(data.GetProperty("s").GetString()!, BinanceWireNames.FromMilliseconds(data.GetProperty("T").GetInt64()), BinanceJsonReader.Number(data, "p"), BinanceJsonReader.Number(data, "q"), aggressor));
        }
    }

    /// <summary>True the first time a sequence number above the last one seen on <paramref name="stream"/> arrives.</summary>
    private bool IsNew(string stream, long sequence)
    {
        if (lastSequence.TryGetValue(stream, out var last) && sequence <= last)
        {
            return false;
        }

        lastSequence[stream] = sequence;
        return true;
    }

    private Task HandleAsync(string json)
    {
        Dispatch(json);
        return Task.CompletedTask;
    }
}
