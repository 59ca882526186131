using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using PluginBot.Live;
using Spectre.Console;

namespace PluginBot.Cli.Commands;

/// <summary>
/// <c>pluginbot run --config FILE</c>: the paper host. Every configured strategy trades a replayed feed with simulated
/// fills, plugin folders and scripts are watched and swapped in while it runs, everything is persisted, and the
/// control API listens on loopback. Runs until Ctrl+C / SIGTERM, or until every replay ends with --exit-when-done.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Host configuration JSON (strategies, store, API)", Required = true };
        var exitWhenDone = new Option<bool>("--exit-when-done") { Description = "Stop when every strategy's replay has reached its last bar" };
        var command = new Command("run", "Run strategies in the paper environment with hot swapping, persistence and the control API") { config, exitWhenDone };
        command.SetAction(parse => Run(parse.GetValue(config)!, parse.GetValue(exitWhenDone)));
        return command;
    }

    private static int Run(string configPath, bool exitWhenDone)
    {
        var configuration = HostConfigurationLoader.Load(configPath);
        var directories = new List<string>();
        if (PluginLoading.BuiltInDirectory() is { } builtIn)
        {
            directories.Add(builtIn);
        }

        directories.AddRange(configuration.PluginDirectories);
        var (host, catalog) = PluginLoading.Load(configuration.PluginDirectories);
        using var pluginHost = host;
        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
        var live = LiveHost.StartAsync(configuration, host, catalog, directories, BacktestCommand.InstrumentsFor, TimeProvider.System).GetAwaiter().GetResult();
        try
        {
            // One line a test or a supervisor can wait for and parse.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pluginbot run: control API listening on {live.ApiAddress}"));
            foreach (var strategy in live.Strategies)
            {
                Console.WriteLine(strategy.Resuming
                    ? string.Create(CultureInfo.InvariantCulture, $"pluginbot run: {strategy.Name} resumed ({strategy.RestoredOrders} orders, {strategy.RestoredFills} fills restored)")
                    : $"pluginbot run: {strategy.Name} started");
            }

            var reported = 0;
            while (!stop.IsCancellationRequested)
            {
                if (exitWhenDone && live.Completion.IsCompleted)
                {
                    break;
                }

                var reports = live.Reports.ToList();
                foreach (var report in reports.Skip(reported))
                {
                    AnsiConsole.MarkupLine($"[grey]{Markup.Escape(report)}[/]");
                }

                reported = reports.Count;
                stop.Token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(200));
            }

            live.Stop();
            // WhenAny: a strategy that failed must be reported below, not rethrown here.
            Task.WhenAny(live.Completion, Task.Delay(TimeSpan.FromSeconds(30))).GetAwaiter().GetResult();
            foreach (var strategy in live.Strategies.Where(s => s.Completion.IsFaulted))
            {
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(strategy.Name)} failed:[/] {Markup.Escape(strategy.Completion.Exception!.GetBaseException().Message)}");
            }

            Console.WriteLine("pluginbot run: stopped");
            return live.Strategies.Any(s => s.Completion.IsFaulted) ? 1 : 0;
        }
        finally
        {
            live.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
