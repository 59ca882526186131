using System.CommandLine;
using System.Globalization;
using PluginBot.Data;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Exchange;
using PluginBot.Engine.WalkForward;
using PluginBot.Sdk.Market;
using Spectre.Console;

namespace PluginBot.Cli.Commands;

/// <summary>
/// <c>pluginbot walkforward</c>: rolling out-of-sample windows comparing a composition with each of its experts alone
/// and with buy-and-hold.
/// </summary>
internal static class WalkForwardCommand
{
    public static Command Create()
    {
        var strategy = new Option<string>("--strategy") { Description = "Strategy composition JSON", Required = true };
        var data = new Option<string[]>("--data") { Description = "Bar files; default: the composition's backtest.data", AllowMultipleArgumentsPerToken = true };
        var train = new Option<int>("--train") { Description = "Bars per training window (warm-up and online learning; not traded)", Required = true };
        var test = new Option<int>("--test") { Description = "Bars per test window (traded and measured); windows roll by this many bars", Required = true };
        var interval = new Option<string?>("--interval") { Description = "Resample the data to this interval: 5m, 15m, 1h, 1d" };
        var cash = new Option<decimal?>("--cash") { Description = "Starting cash of every fold (default: the composition's, else 10000)" };
        var output = new Option<string>("--out") { Description = "Folder for walkforward.json and walkforward.csv", DefaultValueFactory = _ => "results" };
        var plugins = new Option<string[]>("--plugins") { Description = "More plugin directories", AllowMultipleArgumentsPerToken = true };
        var command = new Command("walkforward", "Compare a composition, each of its experts alone and buy-and-hold over rolling out-of-sample windows")
        {
            strategy, data, train, test, interval, cash, output, plugins,
        };
        command.SetAction(parse => Run(
            parse.GetValue(strategy)!,
            parse.GetValue(data) ?? [],
            parse.GetValue(train),
            parse.GetValue(test),
            parse.GetValue(interval),
            parse.GetValue(cash),
            parse.GetValue(output)!,
            parse.GetValue(plugins) ?? []));
        return command;
    }

    private static int Run(string compositionPath, string[] dataFiles, int trainBars, int testBars, string? intervalText, decimal? cash, string output, string[] pluginDirectories)
    {
        if (cash is <= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--cash: expected a positive amount, found {cash}"));
        }

        var composition = StrategyCompositionLoader.Load(compositionPath);
        var files = dataFiles.Length > 0 ? dataFiles : composition.Backtest.DataFiles;
        if (files.Count == 0)
        {
            throw new ArgumentException($"No data: pass --data FILE... or list files under backtest.data in {compositionPath}.");
        }

        var interval = intervalText ?? composition.Backtest.Interval;
        var dataSet = BacktestDataSet.Load(new BacktestDataRequest(files, BadRowPolicy.Fail, interval is null ? null : BarInterval.Parse(interval), null, null));
        var fee = composition.Backtest.FeeBasisPoints ?? 10m;
        var options = new BacktestOptions
        {
            InitialCash = cash ?? composition.Backtest.Cash ?? 10_000m,
            Exchange = new SimulatedExchangeOptions { Fees = new FeeSchedule(fee, fee), Slippage = new FixedBasisPointsSlippage(composition.Backtest.SlippageBasisPoints ?? 0m) },
            Instruments = BacktestCommand.InstrumentsFor(dataSet),
            Interval = dataSet.Interval,
        };
        Directory.CreateDirectory(output);
        var (host, catalog) = PluginLoading.Load(pluginDirectories);
        using var pluginHost = host;
        var report = WalkForwardRunner.Run(composition, catalog, dataSet, options, trainBars, testBars);
        Render(report);
        var written = WalkForwardReportWriter.Write(report, output);
        AnsiConsole.MarkupLine($"[grey]Wrote {string.Join(", ", written.Select(p => Markup.Escape(p)))}[/]");
        return 0;
    }

    private static void Render(WalkForwardReport report)
    {
        var fold = report.Folds[0];
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{report.Strategy}: {report.Folds.Count} folds of {fold.TrainBars} training + {fold.TestBars} test bars, {report.Folds[0].TestStart:yyyy-MM-dd HH:mm} to {report.Folds[^1].TestEnd:yyyy-MM-dd HH:mm} UTC (out of sample only)")));
        var table = new Table().AddColumns("variant", "compounded return", "mean Sharpe", "worst drawdown", "mean turnover", "trades", "folds beating buy-and-hold");
        foreach (var summary in report.Summaries)
        {
            table.AddRow(
                Markup.Escape(summary.Variant),
                summary.CompoundedReturn.ToString("P2", CultureInfo.InvariantCulture),
                double.IsFinite(summary.MeanSharpeRatio) ? summary.MeanSharpeRatio.ToString("0.00", CultureInfo.InvariantCulture) : "n/a",
                summary.WorstDrawdown.ToString("P2", CultureInfo.InvariantCulture),
                summary.MeanTurnover.ToString("0.00", CultureInfo.InvariantCulture),
                summary.Trades.ToString(CultureInfo.InvariantCulture),
                summary.Variant == WalkForwardVariant.BuyAndHoldName ? "-" : $"{summary.FoldsWon}/{report.Folds.Count}");
        }

        AnsiConsole.Write(table);
    }
}
