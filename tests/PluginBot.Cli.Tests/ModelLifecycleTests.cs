using System.Text.Json;

namespace PluginBot.Cli.Tests;

/// <summary>The whole model path through the real CLI: train on shipped data, register, promote, serve in a backtest.</summary>
public sealed class ModelLifecycleTests
{
    [Fact]
    public void TrainPromoteBacktest_TinyModelOnShippedData_ServesDecisionsFromTheProductionVersion()
    {
        using var folder = new TemporaryFolder();
        var registry = Path.Combine(folder.Path, "models");

        var trained = CliProcess.Run(CliProcess.RepositoryRoot, "train", "--model", "mlp", "--set", "default", "--label", "forward-return:15", "--registry", registry, "--epochs", "3");
        Assert.True(trained.ExitCode == 0, trained.Error + trained.Output);
        Assert.Contains("Registered BTCBUSD/direction-mlp v0001 as candidate", trained.Output);
        Assert.Contains("baseline majorityClass", trained.Output);

        foreach (var stage in new[] { "staging", "production" })
        {
            var promoted = CliProcess.Run(CliProcess.RepositoryRoot, "models", "--registry", registry, "promote", "BTCBUSD", "direction-mlp", "v0001");
            Assert.True(promoted.ExitCode == 0, promoted.Error + promoted.Output);
            Assert.Contains(stage, promoted.Output);
        }

        var listed = CliProcess.Run(CliProcess.RepositoryRoot, "models", "--registry", registry, "list");
        Assert.Contains("production", listed.Output);

        var composition = Path.Combine(folder.Path, "model.json");
        var data = Path.Combine(CliProcess.RepositoryRoot, "data", "market", "binance_btcbusd_minute_trade_20221213_UTC.csv");
        File.WriteAllText(composition, $$"""
            {
              "name": "trained-model",
              "experts": [ { "plugin": "onnx-expert", "settings": { "modelDirectory": "models/BTCBUSD/direction-mlp/v0001", "threshold": 0.5 } } ],
              "sizer": { "plugin": "fixed-fraction", "settings": { "fraction": 0.5 } },
              "backtest": { "data": [ {{JsonSerializer.Serialize(data)}} ] }
            }
            """);
        var output = Path.Combine(folder.Path, "out");
        var backtest = CliProcess.Run(CliProcess.RepositoryRoot, "backtest", "--strategy", composition, "--out", output);

        Assert.True(backtest.ExitCode == 0, backtest.Error + backtest.Output);
        using var results = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "results.json")));
        Assert.Contains(results.RootElement.GetProperty("decisions").EnumerateArray(), decision => decision.GetProperty("outcome").GetString() == "OrderSent");
        var committee = File.ReadAllLines(Path.Combine(output, "committee.csv"));
        Assert.Contains(committee.Skip(1), line => line.Contains(",long,", StringComparison.Ordinal));
    }
}
