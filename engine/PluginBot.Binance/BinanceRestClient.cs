using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;

namespace PluginBot.Binance;

/// <summary>
/// Binance's REST API for one market. Every request goes through the <see cref="BinanceRateLimiter"/> first; signed
/// requests carry recvWindow, a timestamp corrected by the measured server-time offset and an HMAC-SHA256 signature.
/// Requests that are safe to repeat are retried on 429/418 (after Retry-After), 5xx and transport failures; a new order
/// is retried only on 429/418 (Binance did not execute it) and otherwise raises
/// <see cref="BinanceOutcomeUnknownException"/> so the caller looks it up before resending.
/// </summary>
public sealed partial class BinanceRestClient : IDisposable
{
    private const int ClockErrorCode = -1021;
    private const int UnknownOrderCode = -2013;
    private const int KlinePageSize = 1000;

    private readonly BinanceClientOptions options;
    private readonly HttpClient http;
    private readonly bool ownsHttp;
    private readonly SemaphoreSlim requestGate = new(1, 1);

    /// <summary>Creates a client; pass an <see cref="HttpClient"/> to share connections, or let the client own one.</summary>
    public BinanceRestClient(BinanceClientOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        Endpoints = BinanceEndpoints.For(options.Market);
        RateLimiter = new BinanceRateLimiter(options.WeightLimitPerMinute, options.OrderLimitPerTenSeconds, options.Clock, options.Logger);
        ownsHttp = httpClient is null;
        http = httpClient ?? new HttpClient();
        http.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>The market this client talks to.</summary>
    public BinanceMarket Market => options.Market;

    /// <summary>The options the client was made with.</summary>
    public BinanceClientOptions Options => options;

    /// <summary>The endpoints (paths and weights) of <see cref="Market"/>.</summary>
    public BinanceEndpoints Endpoints { get; }

    /// <summary>The limiter every request passes; exposed for diagnostics and tests.</summary>
    public BinanceRateLimiter RateLimiter { get; }

    /// <summary>Server time minus local time, measured by <see cref="SynchronizeTimeAsync"/>.</summary>
    public TimeSpan ServerTimeOffset => RateLimiter.ServerOffset;

    /// <summary>The server's time.</summary>
    public async Task<DateTimeOffset> GetServerTimeAsync(CancellationToken cancellationToken = default)
    {
        using var document = await SendAsync(Endpoints.ServerTime, [], repeatable: true, cancellationToken).ConfigureAwait(false);
        return DateTimeOffset.FromUnixTimeMilliseconds(document.RootElement.GetProperty("serverTime").GetInt64());
    }

    /// <summary>
    /// Measures the server-time offset (assuming the answer was produced halfway through the round trip) so signed
    /// timestamps land inside recvWindow even when the local clock drifts.
    /// </summary>
    public async Task<TimeSpan> SynchronizeTimeAsync(CancellationToken cancellationToken = default)
    {
        var before = options.Clock.UtcNow;
        var server = await GetServerTimeAsync(cancellationToken).ConfigureAwait(false);
        var after = options.Clock.UtcNow;
        var localMidpoint = before + ((after - before) / 2);
        RateLimiter.ServerOffset = server - localMidpoint;
        return RateLimiter.ServerOffset;
    }

    /// <summary>Trading rules of every symbol.</summary>
    public async Task<IReadOnlyList<InstrumentRules>> GetInstrumentRulesAsync(CancellationToken cancellationToken = default)
    {
        using var document = await SendAsync(Endpoints.ExchangeInfo, [], repeatable: true, cancellationToken).ConfigureAwait(false);
        return BinanceJsonReader.ReadExchangeInfo(document.RootElement);
    }

    /// <summary>
    /// Every kline of <paramref name="symbol"/> whose open time is in [<paramref name="from"/>, <paramref name="to"/>),
    /// fetched in pages of 1,000 (Binance's maximum) starting after the last row received.
    /// </summary>
    public async Task<IReadOnlyList<BinanceKline>> GetKlinesAsync(string symbol, BarInterval interval, DateTime from, DateTime to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var rows = new List<BinanceKline>();
        var start = BinanceWireNames.ToMilliseconds(from);
        var end = BinanceWireNames.ToMilliseconds(to) - 1;
        while (start <= end)
        {
            var parameters = new List<KeyValuePair<string, string>>
            {
                new("symbol", symbol),
                new("interval", interval.ToString()),
                new("startTime", start.ToString(CultureInfo.InvariantCulture)),
                new("endTime", end.ToString(CultureInfo.InvariantCulture)),
                new("limit", KlinePageSize.ToString(CultureInfo.InvariantCulture)),
            };
            using var document = await SendAsync(Endpoints.Klines, parameters, repeatable: true, cancellationToken).ConfigureAwait(false);
            var page = BinanceJsonReader.ReadKlines(document.RootElement);
            rows.AddRange(page.Where(row => row.OpenTime >= start && row.OpenTime <= end));
            if (page.Count < KlinePageSize)
            {
                break;
            }

            start = page[^1].OpenTime + 1;
        }

        return rows;
    }

    /// <summary>Balances per asset (spot account or futures wallet).</summary>
    public async Task<IReadOnlyList<BinanceBalance>> GetBalancesAsync(CancellationToken cancellationToken = default)
    {
        using var document = await SendAsync(Endpoints.Account, [], repeatable: true, cancellationToken).ConfigureAwait(false);
        return BinanceJsonReader.ReadBalances(document.RootElement);
    }

    /// <summary>Futures positions (positionRisk); spot has none.</summary>
    public async Task<IReadOnlyList<BinancePosition>> GetPositionsAsync(CancellationToken cancellationToken = default)
    {
        if (Market == BinanceMarket.Spot)
        {
            throw new InvalidOperationException("Spot accounts have balances, not positions; use GetBalancesAsync.");
        }

        using var document = await SendAsync(Endpoints.Positions, [], repeatable: true, cancellationToken).ConfigureAwait(false);
        return BinanceJsonReader.ReadPositions(document.RootElement);
    }

    /// <summary>Places an order; see the class remarks for what is retried.</summary>
    /// <exception cref="BinanceApiException">Binance refused the order.</exception>
    /// <exception cref="BinanceOutcomeUnknownException">No answer arrived; look the order up by its client id.</exception>
    public async Task<BinanceOrder> PlaceOrderAsync(BinanceOrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var document = await SendAsync(Endpoints.NewOrder, BuildOrderParameters(request), repeatable: false, cancellationToken).ConfigureAwait(false);
        return BinanceJsonReader.ReadOrder(document.RootElement, Market);
    }

    /// <summary>Cancels an order by our client order id.</summary>
    public async Task<BinanceOrder> CancelOrderAsync(string symbol, string clientOrderId, CancellationToken cancellationToken = default)
    {
        using var document = await SendAsync(Endpoints.CancelOrder, OrderKey(symbol, clientOrderId), repeatable: false, cancellationToken).ConfigureAwait(false);
        return BinanceJsonReader.ReadOrder(document.RootElement, Market);
    }

    /// <summary>An order's status by our client order id, or null when Binance has no such order (-2013).</summary>
    public async Task<BinanceOrder?> GetOrderAsync(string symbol, string clientOrderId, CancellationToken cancellationToken = default)
    {
        try
        {
            using var document = await SendAsync(Endpoints.QueryOrder, OrderKey(symbol, clientOrderId), repeatable: true, cancellationToken).ConfigureAwait(false);
            return BinanceJsonReader.ReadOrder(document.RootElement, Market);
        }
        catch (BinanceApiException exception) when (exception.Code == UnknownOrderCode)
        {
            return null;
        }
    }

    /// <summary>Working orders of one symbol, or of every symbol when <paramref name="symbol"/> is null (much heavier).</summary>
    public async Task<IReadOnlyList<BinanceOrder>> GetOpenOrdersAsync(string? symbol, CancellationToken cancellationToken = default)
    {
        var endpoint = symbol is null ? Endpoints.OpenOrdersAllSymbols : Endpoints.OpenOrdersForSymbol;
        List<KeyValuePair<string, string>> parameters = symbol is null ? [] : [new("symbol", symbol)];
        using var document = await SendAsync(endpoint, parameters, repeatable: true, cancellationToken).ConfigureAwait(false);
        return document.RootElement.EnumerateArray().Select(order => BinanceJsonReader.ReadOrder(order, Market)).ToArray();
    }

    /// <summary>
    /// Our trades of <paramref name="symbol"/> with trade id ≥ <paramref name="fromTradeId"/> (oldest first, up to
    /// 1,000), or the latest ones when it is null.
    /// </summary>
    public async Task<IReadOnlyList<BinanceTrade>> GetTradesAsync(string symbol, long? fromTradeId, CancellationToken cancellationToken = default)
    {
        var parameters = new List<KeyValuePair<string, string>> { new("symbol", symbol), new("limit", "1000") };
        if (fromTradeId is { } from)
        {
            parameters.Add(new("fromId", from.ToString(CultureInfo.InvariantCulture)));
        }

        using var document = await SendAsync(Endpoints.Trades, parameters, repeatable: true, cancellationToken).ConfigureAwait(false);
        return document.RootElement.EnumerateArray().Select(BinanceJsonReader.ReadTrade).ToArray();
    }

    /// <summary>Every trade of <paramref name="symbol"/> from <paramref name="fromTradeId"/> on, paging until exhausted.</summary>
    public async Task<IReadOnlyList<BinanceTrade>> GetAllTradesSinceAsync(string symbol, long fromTradeId, CancellationToken cancellationToken = default)
    {
        var all = new List<BinanceTrade>();
        var next = fromTradeId;
        while (true)
        {
            var page = await GetTradesAsync(symbol, next, cancellationToken).ConfigureAwait(false);
            all.AddRange(page);
            if (page.Count < 1000)
            {
                return all;
            }

            next = page[^1].TradeId + 1;
        }
    }

    /// <summary>Creates (or returns the existing) user-data-stream listen key.</summary>
    public async Task<string> CreateListenKeyAsync(CancellationToken cancellationToken = default)
    {
        using var document = await SendAsync(Endpoints.CreateListenKey, [], repeatable: true, cancellationToken).ConfigureAwait(false);
        return document.RootElement.GetProperty("listenKey").GetString()!;
    }

    /// <summary>Extends the listen key's life by 60 minutes; Binance asks for this every 30.</summary>
    public async Task KeepAliveListenKeyAsync(string listenKey, CancellationToken cancellationToken = default)
    {
        List<KeyValuePair<string, string>> parameters = Market == BinanceMarket.Spot ? [new("listenKey", listenKey)] : [];
        using var document = await SendAsync(Endpoints.KeepAliveListenKey, parameters, repeatable: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the listen key.</summary>
    public async Task CloseListenKeyAsync(string listenKey, CancellationToken cancellationToken = default)
    {
        List<KeyValuePair<string, string>> parameters = Market == BinanceMarket.Spot ? [new("listenKey", listenKey)] : [];
        using var document = await SendAsync(Endpoints.CloseListenKey, parameters, repeatable: true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsHttp)
        {
            http.Dispose();
        }

        requestGate.Dispose();
    }

    /// <summary>Percent-encodes parameters into the query string that is both sent and signed.</summary>
    public static string BuildQuery(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    private List<KeyValuePair<string, string>> BuildOrderParameters(BinanceOrderRequest request)
    {
        if (request.ReduceOnly && Market == BinanceMarket.Spot)
        {
            throw new ArgumentException("Reduce-only orders exist only on futures; spot has no positions to reduce.", nameof(request));
        }

        var needsPrice = request.Kind is BinanceOrderKind.Limit or BinanceOrderKind.StopLimit or BinanceOrderKind.TakeProfitLimit;
        var needsStop = request.Kind is BinanceOrderKind.StopMarket or BinanceOrderKind.StopLimit or BinanceOrderKind.TakeProfitMarket or BinanceOrderKind.TakeProfitLimit;
        if (needsPrice && request.Price is null)
        {
            throw new ArgumentException($"A {request.Kind} order needs a price.", nameof(request));
        }

        if (needsStop && request.StopPrice is null)
        {
            throw new ArgumentException($"A {request.Kind} order needs a stop price.", nameof(request));
        }

        var parameters = new List<KeyValuePair<string, string>>
        {
            new("symbol", request.Symbol),
            new("side", BinanceWireNames.Side(request.Side)),
            new("type", BinanceWireNames.Kind(request.Kind, Market)),
            new("quantity", BinanceWireNames.Number(request.Quantity)),
            new("newClientOrderId", request.ClientOrderId),
        };
        if (needsPrice)
        {
            parameters.Add(new("price", BinanceWireNames.Number(request.Price!.Value)));
            parameters.Add(new("timeInForce", BinanceWireNames.TimeInForce(request.TimeInForce)));
        }

        if (needsStop)
        {
            parameters.Add(new("stopPrice", BinanceWireNames.Number(request.StopPrice!.Value)));
        }

        if (Market == BinanceMarket.UsdFutures)
        {
            if (request.PositionSide != BinancePositionSide.Both)
            {
                parameters.Add(new("positionSide", BinanceWireNames.PositionSide(request.PositionSide)));
            }
            else if (request.ReduceOnly)
            {
                // Binance rejects reduceOnly in hedge mode, so it is sent only with one-way (BOTH) positions.
                parameters.Add(new("reduceOnly", "true"));
            }

            parameters.Add(new("newOrderRespType", "RESULT"));
        }
        else
        {
            parameters.Add(new("newOrderRespType", "FULL"));
        }

        return parameters;
    }

    private static List<KeyValuePair<string, string>> OrderKey(string symbol, string clientOrderId) =>
        [new("symbol", symbol), new("origClientOrderId", clientOrderId)];
}
