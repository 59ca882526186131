namespace PluginBot.Binance.FakeServer;

/// <summary>
/// One REST endpoint as the fake exchange knows it: route, authentication and the weight it charges, computed from the
/// request like Binance does (some weights depend on parameters). Deliberately independent of the client's
/// <see cref="BinanceEndpoints"/>: a server that reused the client's table would agree with any mistake in it.
/// </summary>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Path">Path under the base address.</param>
/// <param name="Signed">Needs timestamp and signature.</param>
/// <param name="NeedsApiKey">Needs the X-MBX-APIKEY header.</param>
/// <param name="Weight">The request weight for a given query.</param>
internal sealed record FakeEndpoint(string Method, string Path, bool Signed, bool NeedsApiKey, Func<FakeQuery, int> Weight)
{
    /// <summary>"GET /api/v3/time", the form faults are filtered by and the request log shows.</summary>
    public override string ToString() => $"{Method} {Path}";
}
