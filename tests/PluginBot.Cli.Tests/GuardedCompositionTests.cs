using System.Text.Json;

namespace PluginBot.Cli.Tests;

public sealed class GuardedCompositionTests
{
    [Fact]
    public void Backtest_CompositionWithRiskLayerPlugins_RecordsEveryScalingAndVetoWithItsReason()
    {
        using var folder = new TemporaryFolder();

        var result = CliProcess.Run(CliProcess.RepositoryRoot, "backtest", "--strategy", "strategies/ema-cross-guarded.json", "--out", folder.Path);

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        using var json = JsonDocument.Parse(File.ReadAllBytes(folder.File("results.json")));
        var reasons = json.RootElement.GetProperty("decisions").EnumerateArray()
            .Select(decision => decision.TryGetProperty("reason", out var reason) ? reason.GetString()! : string.Empty)
            .ToList();

        // The position limit scales every full-size entry; the drawdown layer joins once equity falls 0.5 % from its peak.
        Assert.Contains(reasons, reason => reason.StartsWith("risk-position-limit: BTCBUSD would be worth", StringComparison.Ordinal));
        Assert.Contains(reasons, reason => reason.Contains("risk-drawdown: drawdown", StringComparison.Ordinal));
        foreach (var order in json.RootElement.GetProperty("orderLog").EnumerateArray().Where(o => o.GetProperty("side").GetString() == "Buy"))
        {
            // 60 % of equity (at most the 10,000 start) at ~17,000 USD per BTC: never above ~0.36 BTC.
            Assert.True(order.GetProperty("quantity").GetDecimal() <= 0.36m, order.ToString());
        }
    }
}
