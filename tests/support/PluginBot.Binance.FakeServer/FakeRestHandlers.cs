using System.Globalization;
using System.Net;
using PluginBot.Sdk.Orders;

namespace PluginBot.Binance.FakeServer;

/// <summary>The REST endpoints of the fake exchange: authentication (key, signature, recvWindow) and one handler per endpoint.</summary>
internal sealed class FakeRestHandlers
{
    private readonly FakeServerOptions options;
    private readonly FakeExchangeLedger ledger;
    private readonly FakeStreamHub streams;
    private readonly Dictionary<(string Symbol, string Interval), List<BinanceKline>> klines = [];

    public FakeRestHandlers(FakeServerOptions options, FakeExchangeLedger ledger, FakeStreamHub streams)
    {
        this.options = options;
        this.ledger = ledger;
        this.streams = streams;
    }

    public void AddKlines(string symbol, string interval, IEnumerable<BinanceKline> rows)
    {
        lock (klines)
        {
            if (!klines.TryGetValue((symbol, interval), out var list))
            {
                klines[(symbol, interval)] = list = [];
            }

            list.AddRange(rows);
            list.Sort((left, right) => left.OpenTime.CompareTo(right.OpenTime));
        }
    }

    public (FakeEndpoint Endpoint, Func<(HttpStatusCode, string)> Handler)? Route(string method, string path, FakeQuery query)
    {
        if (FakeEndpointTable.Find(options.Market, method, path) is not { } endpoint)
        {
            return null;
        }

        foreach (var (route, handler) in Table(query))
        {
            if (route == $"{method} {path}")
            {
                return (endpoint, handler);
            }
        }

        return null;
    }

    public FakeRejection? Authenticate(FakeEndpoint endpoint, string apiKey, FakeQuery query)
    {
        if (endpoint.NeedsApiKey && apiKey != options.ApiKey)
        {
            return FakeRejection.BadApiKey;
        }

        if (!endpoint.Signed)
        {
            return null;
        }

        const string marker = "&signature=";
        var at = query.Raw.LastIndexOf(marker, StringComparison.Ordinal);
        if (at < 0 || !BinanceRequestSigner.Verify(options.ApiSecret, query.Raw[..at], query.Raw[(at + marker.Length)..]))
        {
            return FakeRejection.BadSignature;
        }

        if (!long.TryParse(query["timestamp"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var timestamp))
        {
            return new FakeRejection(HttpStatusCode.BadRequest, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
        }

        var window = long.TryParse(query["recvWindow"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var given) ? given : 5000;
        var now = options.Clock.UtcNow.ToUnixTimeMilliseconds();
        return timestamp < now - window || timestamp > now + 1000 ? FakeRejection.BadTimestamp : null;
    }

    private IEnumerable<(string Route, Func<(HttpStatusCode, string)> Handler)> Table(FakeQuery query)
    {
        yield return (Path("GET", "/api/v3/time", "/fapi/v1/time"), () => Ok(new Dictionary<string, object?> { ["serverTime"] = options.Clock.UtcNow.ToUnixTimeMilliseconds() }));
        yield return (Path("GET", "/api/v3/exchangeInfo", "/fapi/v1/exchangeInfo"), ExchangeInfo);
        yield return (Path("GET", "/api/v3/klines", "/fapi/v1/klines"), () => Klines(query));
        yield return (Path("GET", "/api/v3/account", "/fapi/v2/balance"), Account);
        if (options.Market == BinanceMarket.UsdFutures)
        {
            yield return ("GET /fapi/v2/positionRisk", () => Ok(ledger.Positions.Select(position => new Dictionary<string, object?>
            {
                ["symbol"] = position.Symbol,
                ["positionAmt"] = FakePayloads.N(position.Quantity),
                ["entryPrice"] = FakePayloads.N(position.EntryPrice),
                ["positionSide"] = BinanceWireNames.PositionSide(position.Side),
                ["marginType"] = "cross",
                ["leverage"] = "20",
            }).ToArray()));
        }

        yield return (Path("POST", "/api/v3/order", "/fapi/v1/order"), () => NewOrder(query));
        yield return (Path("DELETE", "/api/v3/order", "/fapi/v1/order"), () => CancelOrder(query));
        yield return (Path("GET", "/api/v3/order", "/fapi/v1/order"), () => QueryOrder(query));
        yield return (Path("GET", "/api/v3/openOrders", "/fapi/v1/openOrders"), () =>
            Ok(ledger.OpenOrders(query["symbol"]).Select(order => FakePayloads.Order(order, options.Market)).ToArray()));
        yield return (Path("GET", "/api/v3/myTrades", "/fapi/v1/userTrades"), () => Trades(query));
        yield return (Path("POST", "/api/v3/userDataStream", "/fapi/v1/listenKey"), () => Ok(new Dictionary<string, object?> { ["listenKey"] = streams.CreateListenKey() }));
        yield return (Path("PUT", "/api/v3/userDataStream", "/fapi/v1/listenKey"), () => streams.KeepAlive(query["listenKey"])
            ? Ok(new Dictionary<string, object?>())
            : Fail(new FakeRejection(HttpStatusCode.BadRequest, -1125, "This listenKey does not exist.")));
        yield return (Path("DELETE", "/api/v3/userDataStream", "/fapi/v1/listenKey"), () =>
        {
            streams.Close(query["listenKey"]);
            return Ok(new Dictionary<string, object?>());
        });
    }

    private string Path(string method, string spotPath, string futuresPath) => $"{method} {(options.Market == BinanceMarket.Spot ? spotPath : futuresPath)}";

    private (HttpStatusCode, string) ExchangeInfo() => Ok(new Dictionary<string, object?>
    {
        ["timezone"] = "UTC",
        ["serverTime"] = options.Clock.UtcNow.ToUnixTimeMilliseconds(),
        ["rateLimits"] = new[] { new Dictionary<string, object?> { ["rateLimitType"] = "REQUEST_WEIGHT", ["interval"] = "MINUTE", ["intervalNum"] = 1, ["limit"] = options.WeightLimitPerMinute } },
        ["symbols"] = ledger.Symbols.Select(symbol => new Dictionary<string, object?>
        {
            ["symbol"] = symbol.Symbol,
            ["status"] = "TRADING",
            ["baseAsset"] = symbol.BaseAsset,
            ["quoteAsset"] = symbol.QuoteAsset,
            ["filters"] = new object[]
            {
                new Dictionary<string, object?> { ["filterType"] = "PRICE_FILTER", ["minPrice"] = FakePayloads.N(symbol.TickSize), ["maxPrice"] = "1000000", ["tickSize"] = FakePayloads.N(symbol.TickSize) },
                new Dictionary<string, object?> { ["filterType"] = "LOT_SIZE", ["minQty"] = FakePayloads.N(symbol.MinimumQuantity), ["maxQty"] = "9000", ["stepSize"] = FakePayloads.N(symbol.StepSize) },
                options.Market == BinanceMarket.Spot
                    ? new Dictionary<string, object?> { ["filterType"] = "NOTIONAL", ["minNotional"] = FakePayloads.N(symbol.MinimumNotional), ["applyMinToMarket"] = true }
                    : new Dictionary<string, object?> { ["filterType"] = "MIN_NOTIONAL", ["notional"] = FakePayloads.N(symbol.MinimumNotional) },
            },
        }).ToArray(),
    });

    private (HttpStatusCode, string) Klines(FakeQuery query)
    {
        var limit = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var given) ? Math.Min(given, 1000) : 500;
        var start = long.TryParse(query["startTime"], CultureInfo.InvariantCulture, out var from) ? from : long.MinValue;
        var end = long.TryParse(query["endTime"], CultureInfo.InvariantCulture, out var to) ? to : long.MaxValue;
        List<BinanceKline> rows;
        lock (klines)
        {
            rows = klines.TryGetValue((query["symbol"] ?? string.Empty, query["interval"] ?? string.Empty), out var list)
                ? list.Where(row => row.OpenTime >= start && row.OpenTime <= end).Take(limit).ToList()
                : [];
        }

        return Ok(rows.Select(row => new object[]
        {
            row.OpenTime, FakePayloads.N(row.Open), FakePayloads.N(row.High), FakePayloads.N(row.Low), FakePayloads.N(row.Close), FakePayloads.N(row.Volume),
            row.CloseTime, FakePayloads.N(row.QuoteVolume), row.TradeCount, FakePayloads.N(row.TakerBuyBaseVolume), FakePayloads.N(row.TakerBuyQuoteVolume), "0",
        }).ToArray());
    }

    private (HttpStatusCode, string) Account()
    {
        var balances = ledger.Balances.OrderBy(pair => pair.Key, StringComparer.Ordinal);
        if (options.Market == BinanceMarket.Spot)
        {
            return Ok(new Dictionary<string, object?>
            {
                ["canTrade"] = true,
                ["accountType"] = "SPOT",
                ["balances"] = balances.Select(pair => new Dictionary<string, object?> { ["asset"] = pair.Key, ["free"] = FakePayloads.N(pair.Value), ["locked"] = "0" }).ToArray(),
            });
        }

        return Ok(balances.Select(pair => new Dictionary<string, object?>
        {
            ["accountAlias"] = "fake",
            ["asset"] = pair.Key,
            ["balance"] = FakePayloads.N(pair.Value),
            ["crossWalletBalance"] = FakePayloads.N(pair.Value),
            ["availableBalance"] = FakePayloads.N(pair.Value),
        }).ToArray());
    }

    private (HttpStatusCode, string) NewOrder(FakeQuery query)
    {
        BinanceOrderRequest request;
        try
        {
            var kind = BinanceWireNames.ParseKind(query["type"] ?? string.Empty, options.Market) ?? throw new FormatException("Invalid orderType.");
            request = new BinanceOrderRequest(
                query["symbol"] ?? throw new FormatException("Mandatory parameter 'symbol' was not sent, was empty/null, or malformed."),
                BinanceWireNames.ParseSide(query["side"] ?? string.Empty),
                kind,
                BinanceWireNames.ParseNumber(query["quantity"]),
                query["newClientOrderId"] ?? $"fake{Guid.NewGuid():N}"[..20],
                query["price"] is { } price ? BinanceWireNames.ParseNumber(price) : null,
                query["stopPrice"] is { } stop ? BinanceWireNames.ParseNumber(stop) : null,
                BinanceWireNames.ParseTimeInForce(query["timeInForce"]),
                query["reduceOnly"] == "true",
                BinanceWireNames.ParsePositionSide(query["positionSide"]));
        }
        catch (FormatException exception)
        {
            return Fail(FakeRejection.Parameter(exception.Message));
        }

        if (request.ReduceOnly && options.Market == BinanceMarket.Spot)
        {
            return Fail(FakeRejection.Parameter("Parameter 'reduceOnly' is not supported on spot."));
        }

        var (order, rejection, fills) = ledger.Place(request, options.Clock.UtcNow.UtcDateTime);
        return order is null ? Fail(rejection!) : Ok(FakePayloads.Order(order, options.Market, options.Market == BinanceMarket.Spot ? fills : null));
    }

    private (HttpStatusCode, string) CancelOrder(FakeQuery query)
    {
        var (order, rejection) = ledger.Cancel(query["symbol"] ?? string.Empty, query["origClientOrderId"] ?? string.Empty, options.Clock.UtcNow.UtcDateTime);
        return order is null ? Fail(rejection!) : Ok(FakePayloads.Order(order, options.Market));
    }

    private (HttpStatusCode, string) QueryOrder(FakeQuery query)
    {
        var order = ledger.Find(query["symbol"] ?? string.Empty, query["origClientOrderId"] ?? string.Empty);
        return order is null ? Fail(FakeRejection.NoSuchOrder) : Ok(FakePayloads.Order(order, options.Market));
    }

    private (HttpStatusCode, string) Trades(FakeQuery query)
    {
        var limit = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var given) ? Math.Min(given, 1000) : 500;
        long? from = long.TryParse(query["fromId"], CultureInfo.InvariantCulture, out var id) ? id : null;
        return Ok(ledger.TradesOf(query["symbol"] ?? string.Empty, from, limit).Select(trade => FakePayloads.Trade(trade, options.Market)).ToArray());
    }

    private static (HttpStatusCode, string) Ok(object body) => (HttpStatusCode.OK, FakePayloads.Json(body));

    private static (HttpStatusCode, string) Fail(FakeRejection rejection) => (rejection.Status, FakePayloads.Error(rejection));
}
