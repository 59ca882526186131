namespace PluginBot.Cli.Tests;

public sealed class PluginsCommandTests
{
    [Fact]
    public void PluginsList_BuiltInPlugins_AreLoadedFromTheirPackagedFolders()
    {
        var result = CliProcess.Run(CliProcess.RepositoryRoot, "plugins", "list");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("ema-cross", result.Output);
        Assert.Contains("fixed-fraction", result.Output);
        Assert.Contains("Loaded", result.Output);
        Assert.DoesNotContain("Refused", result.Output);
    }

    [Fact]
    public void PluginsValidate_PackagedPlugin_IsValid()
    {
        var result = CliProcess.Run(CliProcess.RepositoryRoot, "plugins", "validate", "artifacts/plugins/ema-cross");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("valid: ema-cross strategy 1.0.0", result.Output);
    }

    [Fact]
    public void PluginsValidate_FolderWithSeveralManifestErrors_PrintsEveryErrorAndFails()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("plugin.json"), """{ "id": "Bad Id", "kind": "oracle", "version": "1.x", "sdkVersion": "^1.0", "assembly": "Missing.dll", "entryType": "X.Y", "colour": "red" }""");

        var result = CliProcess.Run(CliProcess.RepositoryRoot, "plugins", "validate", folder.Path);

        Assert.Equal(2, result.ExitCode);
        foreach (var path in new[] { "$.id", "$.kind", "$.version", "colour", "Missing.dll" })
        {
            Assert.Contains(path, result.Error);
        }
    }

    [Fact]
    public void Backtest_CompositionNamingAnUnknownPlugin_FailsListingTheLoadedOnes()
    {
        using var folder = new TemporaryFolder();
        var composition = folder.File("unknown.json");
        File.WriteAllText(composition, """
            {
              "name": "unknown",
              "strategy": { "plugin": "no-such-strategy" },
              "sizer": { "plugin": "fixed-fraction" }
            }
            """);
        var data = Path.Combine(CliProcess.RepositoryRoot, "data/market/binance_btcbusd_minute_trade_20221213_UTC.csv");

        var result = CliProcess.Run(CliProcess.RepositoryRoot, "backtest", "--strategy", composition, "--data", data, "--out", folder.File("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("$.strategy.plugin: unknown plugin 'no-such-strategy'", result.Error);
        Assert.Contains("ema-cross", result.Error);
    }

    [Fact]
    public void Backtest_SettingThatBreaksThePluginsSchema_FailsNamingTheSetting()
    {
        using var folder = new TemporaryFolder();
        var composition = folder.File("bad-setting.json");
        File.WriteAllText(composition, """
            {
              "name": "bad-setting",
              "strategy": { "plugin": "ema-cross", "settings": { "fastPeriod": 0 } },
              "sizer": { "plugin": "fixed-fraction" }
            }
            """);
        var data = Path.Combine(CliProcess.RepositoryRoot, "data/market/binance_btcbusd_minute_trade_20221213_UTC.csv");

        var result = CliProcess.Run(CliProcess.RepositoryRoot, "backtest", "--strategy", composition, "--data", data, "--out", folder.File("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("$.strategy.settings.fastPeriod", result.Error);
    }
}
