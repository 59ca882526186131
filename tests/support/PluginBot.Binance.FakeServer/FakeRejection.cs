using System.Net;

namespace PluginBot.Binance.FakeServer;

/// <summary>A Binance error answer the fake server sends: HTTP status, code and message as Binance words them.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Code">Binance error code.</param>
/// <param name="Message">Binance's text.</param>
public sealed record FakeRejection(HttpStatusCode Status, int Code, string Message)
{
    internal static FakeRejection BadSignature { get; } = new(HttpStatusCode.BadRequest, -1022, "Signature for this request is not valid.");

    internal static FakeRejection BadTimestamp { get; } = new(HttpStatusCode.BadRequest, -1021, "Timestamp for this request is outside of the recvWindow.");

    internal static FakeRejection BadApiKey { get; } = new(HttpStatusCode.Unauthorized, -2015, "Invalid API-key, IP, or permissions for action.");

    internal static FakeRejection NoSuchOrder { get; } = new(HttpStatusCode.BadRequest, -2013, "Order does not exist.");

    internal static FakeRejection UnknownOrder { get; } = new(HttpStatusCode.BadRequest, -2011, "Unknown order sent.");

    internal static FakeRejection InsufficientBalance { get; } = new(HttpStatusCode.BadRequest, -2010, "Account has insufficient balance for requested action.");

    internal static FakeRejection Parameter(string message) => new(HttpStatusCode.BadRequest, -1102, message);

    internal static FakeRejection Filter(string message) => new(HttpStatusCode.BadRequest, -1013, $"Filter failure: {message}");
}
