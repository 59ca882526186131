namespace PluginBot.Binance;

/// <summary>
/// The endpoints the client uses, per market, with the weights from Binance's documentation (spot rest-api.md,
/// USD-M futures docs). Kline weight on futures grows with the requested limit; it is charged for 1,000 rows here
/// because the client always pages with that limit.
/// </summary>
public sealed class BinanceEndpoints
{
    private BinanceEndpoints(BinanceMarket market)
    {
        Market = market;
        var spot = market == BinanceMarket.Spot;
        ServerTime = new(HttpMethod.Get, spot ? "/api/v3/time" : "/fapi/v1/time", 1, false, false);
        ExchangeInfo = new(HttpMethod.Get, spot ? "/api/v3/exchangeInfo" : "/fapi/v1/exchangeInfo", spot ? 20 : 1, false, false);
        Klines = new(HttpMethod.Get, spot ? "/api/v3/klines" : "/fapi/v1/klines", spot ? 2 : 5, false, false);
        Account = new(HttpMethod.Get, spot ? "/api/v3/account" : "/fapi/v2/balance", spot ? 20 : 5, true, true);
        Positions = new(HttpMethod.Get, spot ? "/api/v3/account" : "/fapi/v2/positionRisk", 5, true, true);
        NewOrder = new(HttpMethod.Post, spot ? "/api/v3/order" : "/fapi/v1/order", 1, true, true, IsOrder: true);
        CancelOrder = new(HttpMethod.Delete, spot ? "/api/v3/order" : "/fapi/v1/order", 1, true, true);
        QueryOrder = new(HttpMethod.Get, spot ? "/api/v3/order" : "/fapi/v1/order", spot ? 4 : 1, true, true);
        OpenOrdersForSymbol = new(HttpMethod.Get, spot ? "/api/v3/openOrders" : "/fapi/v1/openOrders", spot ? 6 : 1, true, true);
        OpenOrdersAllSymbols = new(HttpMethod.Get, spot ? "/api/v3/openOrders" : "/fapi/v1/openOrders", spot ? 80 : 40, true, true);
        Trades = new(HttpMethod.Get, spot ? "/api/v3/myTrades" : "/fapi/v1/userTrades", spot ? 20 : 5, true, true);
        var listenKeyPath = spot ? "/api/v3/userDataStream" : "/fapi/v1/listenKey";
        CreateListenKey = new(HttpMethod.Post, listenKeyPath, spot ? 2 : 1, false, true);
        KeepAliveListenKey = new(HttpMethod.Put, listenKeyPath, spot ? 2 : 1, false, true);
        CloseListenKey = new(HttpMethod.Delete, listenKeyPath, spot ? 2 : 1, false, true);
    }

    /// <summary>The spot endpoints.</summary>
    public static BinanceEndpoints Spot { get; } = new(BinanceMarket.Spot);

    /// <summary>The USD-M futures endpoints.</summary>
    public static BinanceEndpoints UsdFutures { get; } = new(BinanceMarket.UsdFutures);

    /// <summary>The market these endpoints belong to.</summary>
    public BinanceMarket Market { get; }

    /// <summary>Server time, for the clock offset.</summary>
    public BinanceEndpoint ServerTime { get; }

    /// <summary>Symbols and their filters.</summary>
    public BinanceEndpoint ExchangeInfo { get; }

    /// <summary>Historical bars.</summary>
    public BinanceEndpoint Klines { get; }

    /// <summary>Balances (spot account, futures balance).</summary>
    public BinanceEndpoint Account { get; }

    /// <summary>Futures positions (positionRisk).</summary>
    public BinanceEndpoint Positions { get; }

    /// <summary>New order.</summary>
    public BinanceEndpoint NewOrder { get; }

    /// <summary>Cancel order.</summary>
    public BinanceEndpoint CancelOrder { get; }

    /// <summary>Order status.</summary>
    public BinanceEndpoint QueryOrder { get; }

    /// <summary>Open orders of one symbol.</summary>
    public BinanceEndpoint OpenOrdersForSymbol { get; }

    /// <summary>Open orders of every symbol; much heavier.</summary>
    public BinanceEndpoint OpenOrdersAllSymbols { get; }

    /// <summary>Our own trades (myTrades / userTrades).</summary>
    public BinanceEndpoint Trades { get; }

    /// <summary>Creates a user-data-stream listen key.</summary>
    public BinanceEndpoint CreateListenKey { get; }

    /// <summary>Extends a listen key's 60-minute life.</summary>
    public BinanceEndpoint KeepAliveListenKey { get; }

    /// <summary>Closes a listen key.</summary>
    public BinanceEndpoint CloseListenKey { get; }

    /// <summary>The endpoints of <paramref name="market"/>.</summary>
    public static BinanceEndpoints For(BinanceMarket market) => market == BinanceMarket.Spot ? Spot : UsdFutures;
}
