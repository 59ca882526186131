using System.Text.Json;

namespace PluginBot.Cli.Tests;

public sealed class BacktestCommandTests
{
    private const string Header = "datetime_UTC,open,high,low,close,volume";

    [Fact]
    public void Backtest_EmbeddedDefaults_PrintsSummaryAndWritesResultFiles()
    {
        using var folder = new TemporaryFolder();

        var result = CliProcess.Run(CliProcess.RepositoryRoot, "backtest", "--out", folder.Path);

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        foreach (var metric in new[] { "Total return", "CAGR", "Sharpe ratio", "Sortino ratio", "Max drawdown", "Win rate", "Profit factor", "Trades", "Fees", "Exposure" })
        {
            Assert.Contains(metric, result.Output);
        }

        Assert.Contains("BTCBUSD 1m, 1,440 bars", result.Output);
        using var json = JsonDocument.Parse(File.ReadAllBytes(folder.File("results.json")));
        Assert.Equal("ema-cross", json.RootElement.GetProperty("strategy").GetString());
        Assert.Equal(1440, json.RootElement.GetProperty("barsProcessed").GetInt64());
        var trades = File.ReadAllLines(folder.File("trades.csv"));
        Assert.StartsWith("symbol,direction,entry_time", trades[0]);
        Assert.Equal(json.RootElement.GetProperty("tradeStatistics").GetProperty("totalNumberOfTrades").GetInt32(), trades.Length - 1);
        Assert.Equal(1441, File.ReadAllLines(folder.File("equity.csv")).Length);
    }

    [Fact]
    public void Backtest_SameInputsTwice_WritesByteIdenticalResults()
    {
        using var first = new TemporaryFolder();
        using var second = new TemporaryFolder();

        var one = CliProcess.Run(CliProcess.RepositoryRoot, "backtest", "--out", first.Path, "--slippage-bps", "3");
        var two = CliProcess.Run(CliProcess.RepositoryRoot, "backtest", "--out", second.Path, "--slippage-bps", "3");

        Assert.Equal(0, one.ExitCode);
        Assert.Equal(0, two.ExitCode);
        foreach (var name in new[] { "results.json", "trades.csv", "equity.csv" })
        {
            Assert.Equal(File.ReadAllBytes(first.File(name)), File.ReadAllBytes(second.File(name)));
        }
    }

    [Fact]
    public void Backtest_FileWithBadRow_FailsNamingFileAndLine()
    {
        using var folder = new TemporaryFolder();
        var data = folder.File("btcusdt_minute_bad.csv");
        File.WriteAllLines(data, [Header, "2022-12-13 00:00:00,100,101,99,100,5", "2022-12-13 00:01:00,100,101,99,100,5", "2022-12-13 00:02:00,100,98,99,100,5"]);

        var result = CliProcess.Run(CliProcess.RepositoryRoot, "backtest", "--data", data, "--out", folder.File("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{data}:4:", result.Error);
        Assert.Contains("high", result.Error);
        Assert.False(Directory.Exists(folder.File("out")), "nothing is written when the input is bad");
    }

    [Fact]
    public void Backtest_OnBadRowSkip_SkipsAndCountsBadRows()
    {
        using var folder = new TemporaryFolder();
        var data = folder.File("btcusdt_minute_some_bad.csv");
        var lines = new List<string> { Header };
        for (var minute = 0; minute < 60; minute++)
        {
            var close = 100 + (minute % 7);
            lines.Add($"2022-12-13 00:{minute:00}:00,{close},{close + 1},{close - 1},{close},5");
        }

        lines[10] = "2022-12-13 00:09:00,100,abc,99,100,5";
        lines[20] = "2022-12-13 00:19:00,100,101,99,100,-5";
        File.WriteAllLines(data, lines);

        var result = CliProcess.Run(CliProcess.RepositoryRoot, "backtest", "--data", data, "--on-bad-row", "skip", "--out", folder.File("out"));

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("Bad rows skipped", result.Output);
        Assert.Contains("58 bars", result.Output);
        using var json = JsonDocument.Parse(File.ReadAllBytes(folder.File("out/results.json")));
        Assert.Equal(58, json.RootElement.GetProperty("barsProcessed").GetInt64());
    }

    [Fact]
    public void Backtest_UnknownStrategyFile_FailsWithClearMessage()
    {
        using var folder = new TemporaryFolder();

        var result = CliProcess.Run(CliProcess.RepositoryRoot, "backtest", "--strategy", folder.File("missing.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("missing.json", result.Error);
        Assert.Contains("does not exist", result.Error);
    }

    [Fact]
    public void BenchBacktest_SmallRun_ReportsBarsPerSecondAndBytesPerBar()
    {
        var result = CliProcess.Run(CliProcess.RepositoryRoot, "bench", "backtest", "--bars", "50000", "--runs", "1");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Matches(@"median: [\d,]+ bars/s, [\d.]+ bytes allocated per bar", result.Output);
    }

    [Theory]
    [InlineData("--cash", "-5", "--cash: expected a positive amount, found -5")]
    [InlineData("--fee-bps", "-50", "--fee-bps: expected a number not below 0, found -50")]
    [InlineData("--slippage-bps", "-1", "--slippage-bps: expected a number not below 0, found -1")]
    [InlineData("--latency-ms", "-100", "--latency-ms: expected a number not below 0, found -100")]
    public void Backtest_OutOfRangeOption_FailsNamingTheOptionBeforeRunning(string option, string value, string message)
    {
        using var folder = new TemporaryFolder();

        var result = CliProcess.Run(CliProcess.RepositoryRoot, "backtest", option, value, "--out", folder.File("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.False(Directory.Exists(folder.File("out")));
    }

    [Fact]
    public void Backtest_ResultsJson_RecordsTheInputsByContentHash()
    {
        using var folder = new TemporaryFolder();

        var result = CliProcess.Run(CliProcess.RepositoryRoot, "backtest", "--out", folder.Path);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllBytes(folder.File("results.json")));
        var inputs = json.RootElement.GetProperty("inputs");
        Assert.Equal("strategies/ema-cross.json", inputs.GetProperty("strategyFile").GetString());
        var data = Assert.Single(inputs.GetProperty("dataFiles").EnumerateArray());
        Assert.Equal("data/market/binance_btcbusd_minute_trade_20221213_UTC.csv", data.GetProperty("path").GetString());
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            File.ReadAllBytes(Path.Combine(CliProcess.RepositoryRoot, "data/market/binance_btcbusd_minute_trade_20221213_UTC.csv"))));
        Assert.Equal(expected, data.GetProperty("sha256").GetString());
    }
}
