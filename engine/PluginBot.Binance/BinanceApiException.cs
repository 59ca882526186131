using System.Net;

namespace PluginBot.Binance;

/// <summary>
/// Binance answered with an error body <c>{"code": -1021, "msg": "..."}</c> (or an HTTP error without one). The
/// code is what callers branch on (-2010 rejected, -2013 no such order, -1021 timestamp, -1022 signature), the message
/// is Binance's own text.
/// </summary>
public sealed class BinanceApiException : Exception
{
    /// <summary>Creates the exception for an error answer.</summary>
    public BinanceApiException(HttpStatusCode statusCode, int code, string binanceMessage, string endpoint)
        : base($"Binance {endpoint} failed: HTTP {(int)statusCode}, code {code}: {binanceMessage}")
    {
        StatusCode = statusCode;
        Code = code;
        BinanceMessage = binanceMessage;
        Endpoint = endpoint;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Binance's error code, negative; 0 when the body carried none.</summary>
    public int Code { get; }

    /// <summary>Binance's error text.</summary>
    public string BinanceMessage { get; }

    /// <summary>Method and path of the failed request, without the query (which is signed and may name the key).</summary>
    public string Endpoint { get; }
}
