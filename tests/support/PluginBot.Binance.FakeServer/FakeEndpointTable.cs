using System.Globalization;

namespace PluginBot.Binance.FakeServer;

/// <summary>
/// The fake exchange's own request-weight table. Spot weights are transcribed from the recorded spot API docs
/// (spot-api-docs/rest-api.md, 2026 snapshot): time 1, exchangeInfo 20, klines 2, account 20, order POST 1 / DELETE 1 /
/// GET 4, openOrders 6 with a symbol and 80 without, myTrades 20 (5 with orderId). Those docs no longer list the
/// listen-key endpoints (retired for spot on 2026-02-20); they charged 2. USD-M futures weights are not in the recorded
/// data: they follow Binance's futures documentation (klines by limit 1/2/5/10, balance and positionRisk 5, order 1,
/// openOrders 1 or 40, userTrades 5, listenKey 1).
/// </summary>
internal static class FakeEndpointTable
{
    private static readonly IReadOnlyList<FakeEndpoint> Spot =
    [
        new("GET", "/api/v3/time", false, false, _ => 1),
        new("GET", "/api/v3/exchangeInfo", false, false, _ => 20),
        new("GET", "/api/v3/klines", false, false, _ => 2),
        new("GET", "/api/v3/account", true, true, _ => 20),
        new("POST", "/api/v3/order", true, true, _ => 1),
        new("DELETE", "/api/v3/order", true, true, _ => 1),
        new("GET", "/api/v3/order", true, true, _ => 4),
        new("GET", "/api/v3/openOrders", true, true, query => query["symbol"] is null ? 80 : 6),
        new("GET", "/api/v3/myTrades", true, true, query => query["orderId"] is null ? 20 : 5),
        new("POST", "/api/v3/userDataStream", false, true, _ => 2),
        new("PUT", "/api/v3/userDataStream", false, true, _ => 2),
        new("DELETE", "/api/v3/userDataStream", false, true, _ => 2),
    ];

    private static readonly IReadOnlyList<FakeEndpoint> UsdFutures =
    [
        new("GET", "/fapi/v1/time", false, false, _ => 1),
        new("GET", "/fapi/v1/exchangeInfo", false, false, _ => 1),
        new("GET", "/fapi/v1/klines", false, false, FuturesKlineWeight),
        new("GET", "/fapi/v2/balance", true, true, _ => 5),
        new("GET", "/fapi/v2/positionRisk", true, true, _ => 5),
        new("POST", "/fapi/v1/order", true, true, _ => 1),
        new("DELETE", "/fapi/v1/order", true, true, _ => 1),
        new("GET", "/fapi/v1/order", true, true, _ => 1),
        new("GET", "/fapi/v1/openOrders", true, true, query => query["symbol"] is null ? 40 : 1),
        new("GET", "/fapi/v1/userTrades", true, true, _ => 5),
        new("POST", "/fapi/v1/listenKey", false, true, _ => 1),
        new("PUT", "/fapi/v1/listenKey", false, true, _ => 1),
        new("DELETE", "/fapi/v1/listenKey", false, true, _ => 1),
    ];

    /// <summary>The endpoints of <paramref name="market"/>.</summary>
    public static IReadOnlyList<FakeEndpoint> For(BinanceMarket market) => market == BinanceMarket.Spot ? Spot : UsdFutures;

    /// <summary>The endpoint at <paramref name="method"/> <paramref name="path"/>, or null.</summary>
    public static FakeEndpoint? Find(BinanceMarket market, string method, string path) =>
        For(market).FirstOrDefault(endpoint => endpoint.Method == method && endpoint.Path == path);

    private static int FuturesKlineWeight(FakeQuery query)
    {
        var limit = int.TryParse(query["limit"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var given) ? given : 500;
        return limit switch
        {
            < 100 => 1,
            < 500 => 2,
            <= 1000 => 5,
            _ => 10,
        };
    }
}
