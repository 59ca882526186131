using PluginBot.Binance.FakeServer;

namespace PluginBot.Binance.Tests;

/// <summary>
/// Compares, request by request, the weight the client reserved from its own table with the weight the fake server
/// charged from its table (transcribed from Binance's docs). The used-weight header cannot do this: the client adopts
/// the server's higher count, so an endpoint it under-counts looks right there.
/// </summary>
internal sealed class WeightAudit(BinanceRestClient client, FakeBinanceServer server)
{
    private readonly List<string> mismatches = [];

    public IReadOnlyList<string> Mismatches => mismatches;

    /// <summary>Runs one client call and records a mismatch if the two weights differ; returns both.</summary>
    public async Task<(long Client, long Server)> MeasureAsync(string name, Func<Task> call)
    {
        var clientBefore = client.RateLimiter.TotalReservedWeight;
        var serverBefore = server.Weights.TotalChargedWeight;
        await call();
        var weights = (client.RateLimiter.TotalReservedWeight - clientBefore, server.Weights.TotalChargedWeight - serverBefore);
        if (weights.Item1 != weights.Item2)
        {
            mismatches.Add($"{name}: client reserved {weights.Item1}, server charged {weights.Item2}");
        }

        return weights;
    }
}
