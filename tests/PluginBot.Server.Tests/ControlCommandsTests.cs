using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using PluginBot.Cli.Commands;
using PluginBot.Server.Contracts;

namespace PluginBot.Server.Tests;

/// <summary>The <c>pluginbot</c> control commands against a real control API on a loopback port.</summary>
public sealed class ControlCommandsTests : IAsyncLifetime
{
    private ServerSession session = null!;

    public async Task InitializeAsync() => session = await ServerSession.StartAsync();

    public async Task DisposeAsync() => await session.DisposeAsync();

    [Fact]
    public async Task Status_WithoutStrategy_PrintsATableOfStrategiesTotalsAndTheKillSwitch()
    {
        var result = await RunAsync("status");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """
            STRATEGY  STATE    REALIZED  UNREALIZED  DAILY  EQUITY   VERSIONS
            alpha     Running  120.5     700         35.25  10820.5  strategy=ema-cross@1.0.0 risk[0]=risk-drawdown@2.0.0
            beta      Running  -20       0           -5     4980     strategy=scripts/mean-reversion.cs@sha256:ab12
            total: realized 100.5, unrealized 700, daily 30.25, equity 15800.5
            kill switch: released

            """.ReplaceLineEndings(),
            result.Output);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Status_ForAStrategyAsJson_PrintsTheApisDocuments()
    {
        var result = await RunAsync("status", "alpha", "--json");

        using var document = JsonDocument.Parse(result.Output);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("alpha", document.RootElement.GetProperty("strategy").GetProperty("name").GetString());
        Assert.Equal(2, document.RootElement.GetProperty("positions").GetArrayLength());
        Assert.Equal(10820.5m, document.RootElement.GetProperty("pnl").GetProperty("equity").GetDecimal());
    }

    [Fact]
    public async Task Status_ForAStrategy_PrintsItsPositionsAndOrders()
    {
        var result = await RunAsync("status", "alpha");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("alpha: Running   strategy=ema-cross@1.0.0 risk[0]=risk-drawdown@2.0.0", result.Output, StringComparison.Ordinal);
        Assert.Contains("ETHUSDT  -2        3000     2900    200", result.Output, StringComparison.Ordinal);
        Assert.Contains("alpha-00000001  BTCUSDT  Buy   Market  0.5       0.5     Filled", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_UnknownStrategy_FailsWithTheServersProblem()
    {
        var result = await RunAsync("status", "gamma");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: No strategy named 'gamma' runs in this host. (404 Not Found)" + Environment.NewLine, result.Error);
    }

    [Fact]
    public async Task PauseAndResume_ChangeTheHostsStateAndPrintIt()
    {
        var paused = await RunAsync("pause", "beta");
        var stateWhilePaused = (await session.Engine.GetStrategyAsync("beta", CancellationToken.None)).State;
        var resumed = await RunAsync("resume", "beta");

        Assert.Equal("beta: Paused" + Environment.NewLine, paused.Output);
        Assert.Equal(StrategyRunState.Paused, stateWhilePaused);
        Assert.Equal("beta: Running" + Environment.NewLine, resumed.Output);
    }

    [Fact]
    public async Task Flatten_PrintsTheClosingOrdersThenThatItIsFlat()
    {
        var first = await RunAsync("flatten", "alpha");
        var second = await RunAsync("flatten", "alpha");

        Assert.Equal("alpha: sent 2 closing order(s): alpha-00000002, alpha-00000003" + Environment.NewLine, first.Output);
        Assert.Equal("alpha: already flat" + Environment.NewLine, second.Output);
    }

    [Fact]
    public async Task Swap_Plugin_PrintsFromAndToVersions()
    {
        var result = await RunAsync("swap", "alpha", "risk[0]", "risk-drawdown@2.1.0");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("swapped risk[0]: 2.0.0 -> 2.1.0 (state carried)" + Environment.NewLine, result.Output);
    }

    [Fact]
    public async Task Swap_FailedWarmUp_ExitsOneSayingTheOldVersionKeepsRunning()
    {
        var result = await RunAsync("swap", "alpha", "risk[0]", "risk-broken@0.1.0", "--kind", "plugin");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: the swap of risk[0] to 0.1.0 failed: warm-up threw DivideByZeroException; 2.0.0 keeps running" + Environment.NewLine, result.Error);
    }

    [Fact]
    public async Task Ab_ConfigureShowPromote_DrivesTheSplit()
    {
        var configured = await RunAsync("ab", "configure", "alpha", "--mode", "by-symbol", "--control", "set-a", "--candidate", "set-b", "--symbols", "BTCUSDT, ETHUSDT");
        var shown = await RunAsync("ab", "show", "alpha");
        var promoted = await RunAsync("ab", "promote", "alpha");

        Assert.Equal(0, configured.ExitCode);
        Assert.Equal(
            """
            alpha: BySymbol symbols BTCUSDT,ETHUSDT, control set-a, candidate set-b
            SET    ROLE       DECISIONS  TRADES  WINS  REALIZED
            set-a  Control    40         6       4     12.5
            set-b  Candidate  38         5       2     -3.25

            """.ReplaceLineEndings(),
            shown.Output);
        Assert.Equal("alpha: no A/B split" + Environment.NewLine, promoted.Output);
    }

    [Fact]
    public async Task Ab_ConfigureHashWithoutPercentage_PrintsTheFieldTheServerRejected()
    {
        var result = await RunAsync("ab", "configure", "alpha", "--mode", "hash", "--control", "set-a", "--candidate", "set-b");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The field 'candidatePercentage' is invalid: expected a number above 0 and below 100 for mode HashPercentage.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ab_RollbackWithoutSplit_PrintsTheEnginesRefusal()
    {
        var result = await RunAsync("ab", "rollback", "beta");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: Strategy beta has no A/B split to roll back. (409 Conflict)" + Environment.NewLine, result.Error);
    }

    [Fact]
    public async Task Status_WrongToken_ExplainsTheRefusalWithoutPrintingTheToken()
    {
        var result = await RunWithAsync(session.Server.BaseAddress.ToString(), "not-the-token-000000", "status");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: the control API at {session.Server.BaseAddress} refused the token (401 Unauthorized)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-token-000000", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_NothingListening_SaysTheConnectionWasRefused()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await RunWithAsync($"http://127.0.0.1:{port}", ServerSession.Token, "status");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: cannot connect to the control API at http://127.0.0.1:{port}/ (connection refused): is `pluginbot run` running, and is --url right?" + Environment.NewLine, result.Error);
    }

    [Fact]
    public async Task Pause_UrlThatIsNotHttp_IsBadInput()
    {
        var result = await RunWithAsync("ftp://127.0.0.1:21", ServerSession.Token, "pause", "alpha");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --url ftp://127.0.0.1:21 is not an http(s) URL" + Environment.NewLine, result.Error);
    }

    private Task<CommandResult> RunAsync(params string[] arguments) => RunWithAsync(session.Server.BaseAddress.ToString(), ServerSession.Token, arguments);

    private static async Task<CommandResult> RunWithAsync(string url, string token, params string[] arguments)
    {
        var root = new RootCommand("test");
        foreach (var command in ControlCommands.CreateAll())
        {
            root.Subcommands.Add(command);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await root.Parse([.. arguments, "--url", url, "--token", token]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CommandResult(exitCode, output.ToString(), error.ToString());
    }

    private sealed record CommandResult(int ExitCode, string Output, string Error);
}
