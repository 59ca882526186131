namespace PluginBot.Cli.Tests;

public sealed class ScriptsCommandTests
{
    [Fact]
    public void ScriptsCheck_SampleScript_CompilesAndPassesTheSandbox()
    {
        var result = CliProcess.Run(CliProcess.RepositoryRoot, "scripts", "check", "samples/scripts/rsi-reversion.cs");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("ok: samples/scripts/rsi-reversion.cs compiles and passes the sandbox (strategy RsiReversion", result.Output);
    }

    [Fact]
    public void ScriptsCheck_ScriptThatEscapesTheSandboxAndHasAnError_PrintsBothWithPositionsAndFails()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("escape.cs");
        File.WriteAllLines(path,
        [
            "public sealed class Escape : IStrategy",
            "{",
            "    public void Initialize(IPluginContext context) => global::System.Environment.Exit(1);",
            "    public Signal OnBar(in Bar bar) => Signal.Holdd;",
            "}",
        ]);

        var result = CliProcess.Run(CliProcess.RepositoryRoot, "scripts", "check", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{path}:3:", result.Error);
        Assert.Contains("System.Environment", result.Error);
        Assert.Contains($"{path}:4:", result.Error);
        Assert.Contains("CS0117", result.Error);
    }

    [Fact]
    public void Backtest_ScriptStrategyFile_RunsLikeAComposition()
    {
        using var folder = new TemporaryFolder();

        var result = CliProcess.Run(CliProcess.RepositoryRoot, "backtest", "--strategy", "samples/scripts/rsi-reversion.cs", "--out", folder.Path);

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("rsi-reversion", result.Output);
        Assert.Contains("BTCBUSD 1m, 1,440 bars", result.Output);
        Assert.True(File.Exists(folder.File("results.json")));
    }

    [Fact]
    public void Backtest_ScriptThatDoesNotCompile_FailsBeforeReadingDataWithEveryDiagnostic()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("broken.cs");
        File.WriteAllText(path, "public sealed class Broken : IStrategy { }");

        var result = CliProcess.Run(CliProcess.RepositoryRoot, "backtest", "--strategy", path, "--out", folder.File("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{path}:1:", result.Error);
        Assert.Contains("CS0535", result.Error);
        Assert.False(Directory.Exists(folder.File("out")));
    }
}
