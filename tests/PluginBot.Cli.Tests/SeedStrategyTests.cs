using System.Text.Json;

namespace PluginBot.Cli.Tests;

/// <summary>The five compositions users start from each backtest on the shipped data through the real CLI and plugin host.</summary>
public sealed class SeedStrategyTests
{
    [Theory]
    [InlineData("ml-basic", 1440)]
    [InlineData("ml-adaptive", 1440)]
    [InlineData("momentum-leverage", 1318)]
    [InlineData("ensemble-weighted", 1440)]
    [InlineData("regime-moe", 1440)]
    public void Backtest_SeedComposition_TradesAndRecordsEveryCommitteeDecision(string name, int bars)
    {
        using var folder = new TemporaryFolder();

        var result = CliProcess.Run(CliProcess.RepositoryRoot, "backtest", "--strategy", Path.Combine("strategies", name + ".json"), "--out", folder.Path);

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        using var json = JsonDocument.Parse(File.ReadAllBytes(folder.File("results.json")));
        Assert.Equal(name, json.RootElement.GetProperty("strategy").GetString());
        Assert.Equal(bars, json.RootElement.GetProperty("barsProcessed").GetInt64());
        Assert.True(json.RootElement.GetProperty("tradeStatistics").GetProperty("totalNumberOfTrades").GetInt32() > 0, "the composition never traded");
        // One committee line per bar: regime probabilities, each expert's view and weights, the final signal.
        var committee = File.ReadAllLines(folder.File("committee.csv"));
        Assert.Equal(bars + 1, committee.Length);
        Assert.StartsWith("time,symbol,p_high_volatility,p_low_volatility,p_trending,p_ranging,", committee[0]);
    }

    [Fact]
    public void Backtest_SeedCompositionWithExits_RecordsWhyEachTradeClosed()
    {
        using var folder = new TemporaryFolder();

        var result = CliProcess.Run(CliProcess.RepositoryRoot, "backtest", "--strategy", Path.Combine("strategies", "ml-adaptive.json"), "--out", folder.Path);

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        var trades = File.ReadAllLines(folder.File("trades.csv"));
        Assert.EndsWith(",exit_reason", trades[0]);
        var reasons = trades.Skip(1).Select(line => line[(line.LastIndexOf(',') + 1)..]).ToHashSet();
        Assert.Contains(reasons, reason => reason is "StopLoss" or "TrailingStop" or "PartialExit");
    }
}
