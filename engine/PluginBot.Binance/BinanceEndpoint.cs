namespace PluginBot.Binance;

/// <summary>
/// One REST endpoint with the request weight Binance documents for it. The weight is charged before sending, so the
/// client never relies on learning it from the X-MBX-USED-WEIGHT header after the limit is already broken.
/// </summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path under the base address.</param>
/// <param name="Weight">Documented request weight.</param>
/// <param name="Signed">True for endpoints that need a timestamp and signature.</param>
/// <param name="NeedsApiKey">True for endpoints that need the X-MBX-APIKEY header (signed ones and listen keys).</param>
/// <param name="IsOrder">True for requests that count against the order-rate limit.</param>
public sealed record BinanceEndpoint(HttpMethod Method, string Path, int Weight, bool Signed, bool NeedsApiKey, bool IsOrder = false)
{
    /// <summary>"GET /api/v3/time": names the endpoint in errors and logs without the (signed) query.</summary>
    public override string ToString() => $"{Method.Method} {Path}";
}
