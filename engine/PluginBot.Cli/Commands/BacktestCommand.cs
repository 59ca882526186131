using System.CommandLine;
using System.Globalization;
using PluginBot.Data;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Exchange;
using PluginBot.Engine.Scripting;
using PluginBot.Scripting;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;
using Spectre.Console;

namespace PluginBot.Cli.Commands;

/// <summary><c>pluginbot backtest</c>: runs a strategy composition over data files and writes the results.</summary>
internal static class BacktestCommand
{
    private const int ProgressBarThreshold = 200_000;

    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = "Bar files (OHLCV CSV or Binance kline CSV); default: the composition's backtest.data", AllowMultipleArgumentsPerToken = true };
        var strategy = new Option<string?>("--strategy") { Description = "Strategy composition JSON, or a C# script strategy (.cs/.csx); default: strategies/ema-cross.json" };
        var from = new Option<string?>("--from") { Description = "First bar start time to include (UTC), e.g. 2022-12-13 or 2022-12-13T06:00:00" };
        var to = new Option<string?>("--to") { Description = "Bars starting at or after this UTC time are left out" };
        var cash = new Option<decimal?>("--cash") { Description = "Starting cash (default 10000)" };
        var feeBasisPoints = new Option<decimal?>("--fee-bps") { Description = "Maker and taker fee in basis points (default 10 = Binance spot 0.1 %)" };
        var slippageBasisPoints = new Option<decimal?>("--slippage-bps") { Description = "Fixed slippage of market and stop fills in basis points (default 0)" };
        var volumeShareSlippage = new Option<bool>("--volume-share-slippage") { Description = "Use volume-share slippage (price × 0.1 × share², share capped at 2.5 %) instead of fixed basis points" };
        var latency = new Option<int>("--latency-ms") { Description = "Order latency in milliseconds (default 0)" };
        var interval = new Option<string?>("--interval") { Description = "Resample the data to this interval: 5m, 15m, 1h, 1d" };
        var output = new Option<string>("--out") { Description = "Folder for results.json, trades.csv and equity.csv", DefaultValueFactory = _ => "results" };
        var onBadRow = new Option<BadRowPolicy>("--on-bad-row") { Description = "fail (default): stop at the first bad row; skip: skip bad rows and count them", DefaultValueFactory = _ => BadRowPolicy.Fail };
        var plugins = new Option<string[]>("--plugins") { Description = "More plugin directories (each holds plugin folders); the built-in plugins are always loaded", AllowMultipleArgumentsPerToken = true };
        var annualization = new Option<string>("--annualization") { Description = "crypto (365.25 days × 24 h, default), equity (252 × 6.5 h) or a number of return periods per year", DefaultValueFactory = _ => "crypto" };
        var command = new Command("backtest", "Run a strategy over historical bars with the simulated exchange")
        {
            data, strategy, from, to, cash, feeBasisPoints, slippageBasisPoints, volumeShareSlippage, latency, interval, output, onBadRow, annualization, plugins,
        };
        command.SetAction(parse =>
        {
            var arguments = new BacktestArguments(
                parse.GetValue(data) ?? [],
                parse.GetValue(strategy),
                ParseTime(parse.GetValue(from), "--from"),
                ParseTime(parse.GetValue(to), "--to"),
                parse.GetValue(cash),
                parse.GetValue(feeBasisPoints),
                parse.GetValue(slippageBasisPoints),
                parse.GetValue(volumeShareSlippage),
                TimeSpan.FromMilliseconds(parse.GetValue(latency)),
                parse.GetValue(interval),
                parse.GetValue(output)!,
                parse.GetValue(onBadRow),
                Annualization.Parse(parse.GetValue(annualization)!),
                parse.GetValue(plugins) ?? []);
            return Run(arguments);
        });
        return command;
    }

    private static int Run(BacktestArguments arguments)
    {
        Validate(arguments);
        var compositionPath = arguments.StrategyPath ?? RepositoryLayout.DefaultStrategy();
        LoadedScript? script = null;
        StrategyComposition composition;
        if (ScriptCompositions.IsScript(compositionPath))
        {
            // A script strategy: compiled (and sandbox-checked) before any data is read; it runs with the built-in
            // sizer and, unless --data says otherwise, on the default composition's data.
            if (!File.Exists(compositionPath))
            {
                throw new FileNotFoundException($"{compositionPath}: the script file does not exist.");
            }

            var compilation = new ScriptCompiler().CompileFile(compositionPath);
            if (!compilation.Success)
            {
                throw new ScriptCompilationException(compilation);
            }

            script = LoadedScript.Load(compilation);
            var defaults = StrategyCompositionLoader.Load(RepositoryLayout.DefaultStrategy()).Backtest;
            composition = ScriptCompositions.For(compositionPath) with { Backtest = defaults };
        }
        else
        {
            composition = StrategyCompositionLoader.Load(compositionPath);
        }

        var files = arguments.DataFiles.Count > 0 ? arguments.DataFiles : composition.Backtest.DataFiles;
        if (files.Count == 0)
        {
            throw new ArgumentException($"No data: pass --data FILE... or list files under backtest.data in {compositionPath}.");
        }

        var intervalText = arguments.Interval ?? composition.Backtest.Interval;
        var dataSet = BacktestDataSet.Load(new BacktestDataRequest(
            files,
            arguments.OnBadRow,
            intervalText is null ? null : BarInterval.Parse(intervalText),
            arguments.From,
            arguments.To));
        var fee = arguments.FeeBasisPoints ?? composition.Backtest.FeeBasisPoints ?? 10m;
        var slippage = arguments.VolumeShareSlippage
            ? (ISlippageModel)new VolumeShareSlippage()
            : new FixedBasisPointsSlippage(arguments.SlippageBasisPoints ?? composition.Backtest.SlippageBasisPoints ?? 0m);
        WarnWhenSeriesDoNotOverlap(dataSet);

        // Inputs are good: fail on an unwritable output folder now, not after the whole backtest has run.
        Directory.CreateDirectory(arguments.OutputDirectory);
        var options = new BacktestOptions
        {
            Provenance = new BacktestProvenance(
                PortablePath(compositionPath),
                Sha256Of(compositionPath),
                dataSet.Series.Select(series => new DataFileRecord(PortablePath(series.SourcePath), Sha256Of(series.SourcePath), series.Symbol, series.Bars.Length, series.SkippedRows)).ToList(),
                arguments.From,
                arguments.To,
                arguments.OnBadRow.ToString()),
            InitialCash = arguments.Cash ?? composition.Backtest.Cash ?? 10_000m,
            Exchange = new SimulatedExchangeOptions { Fees = new FeeSchedule(fee, fee), Slippage = slippage, Latency = arguments.Latency },
            Instruments = InstrumentsFor(dataSet),
            Interval = dataSet.Interval,
            Annualization = arguments.Annualization,
        };

        var (host, catalog) = PluginLoading.Load(arguments.PluginDirectories);
        using var pluginHost = host;
        if (script is not null)
        {
            var loaded = script;
            catalog.Register(ScriptCompositions.PluginIdFor(compositionPath), () => new ScriptStrategy(loaded, ScriptStrategy.DefaultBudget), loaded.Version);
        }

        var result = RunWithProgress(composition, catalog, dataSet, options);
        var written = BacktestResultWriter.Write(result, arguments.OutputDirectory);
        SummaryTable.Render(result, dataSet);
        AnsiConsole.MarkupLine($"[grey]Wrote {string.Join(", ", written.Select(p => Markup.Escape(p)))}[/]");
        return 0;
    }

    private static BacktestResult RunWithProgress(StrategyComposition composition, PluginCatalog catalog, BacktestDataSet dataSet, BacktestOptions options)
    {
        var total = dataSet.BarCount;
        if (total < ProgressBarThreshold || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return BacktestRunner.Run(composition, catalog, dataSet.CreateFeed(), options);
        }

        BacktestResult? result = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask($"Backtesting {Markup.Escape(composition.Name)}", maxValue: total);
                result = BacktestRunner.Run(composition, catalog, dataSet.CreateFeed(), options, processed => task.Value = processed);
            });
        return result!;
    }

    private static void Validate(BacktestArguments arguments)
    {
        static void Require(bool condition, string option, string expected, object? found)
        {
            if (!condition)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{option}: expected {expected}, found {found}"));
            }
        }

        Require(arguments.Cash is null or > 0, "--cash", "a positive amount", arguments.Cash);
        Require(arguments.FeeBasisPoints is null or >= 0, "--fee-bps", "a number not below 0", arguments.FeeBasisPoints);
        Require(arguments.SlippageBasisPoints is null or >= 0, "--slippage-bps", "a number not below 0", arguments.SlippageBasisPoints);
        Require(arguments.Latency >= TimeSpan.Zero, "--latency-ms", "a number not below 0", arguments.Latency.TotalMilliseconds);
        Require(arguments.From is null || arguments.To is null || arguments.From < arguments.To, "--from", $"a time before --to ({arguments.To:O})", arguments.From?.ToString("O", CultureInfo.InvariantCulture));
    }

    private static void WarnWhenSeriesDoNotOverlap(BacktestDataSet dataSet)
    {
        var withBars = dataSet.Series.Where(s => s.Bars.Length > 0).ToList();
        if (withBars.Count < 2)
        {
            return;
        }

        var latestStart = withBars.Max(s => s.Bars[0].StartTime);
        var earliestEnd = withBars.Min(s => s.Bars[^1].EndTime);
        if (latestStart >= earliestEnd)
        {
            // Merging is still correct, but the time between the files counts as one return period in the statistics.
            AnsiConsole.MarkupLine($"[yellow]warning:[/] the data files do not overlap in time ({Markup.Escape(string.Join(", ", withBars.Select(s => $"{s.Symbol} {s.Bars[0].StartTime:yyyy-MM-dd}..{s.Bars[^1].EndTime:yyyy-MM-dd}")))}); returns across the gap distort Sharpe, CAGR and drawdown duration.");
        }
    }

    // Paths under the working directory are written relative to it, so the same run from two clones writes the same results.json.
    private static string PortablePath(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }

    private static string Sha256Of(string path) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    internal static InstrumentCatalog InstrumentsFor(BacktestDataSet dataSet)
    {
        var binancePath = RepositoryLayout.BinanceSymbolProperties();
        if (binancePath is null && dataSet.Series.Any(s => s.Market == "binance"))
        {
            AnsiConsole.MarkupLine("[yellow]warning:[/] data/market/symbol-properties-binance.csv was not found; Binance symbols trade without tick, lot and minimum-notional rules.");
        }

        var binance = binancePath is null ? null : SymbolPropertiesCatalog.Load(binancePath);
        var rules = new List<InstrumentRules>();
        foreach (var symbol in dataSet.Series.Select(s => (s.Symbol, s.Market)).Distinct())
        {
            if (symbol.Market == "binance" && binance is not null && binance.TryGet(symbol.Symbol, out var found))
            {
                rules.Add(found);
            }
            else
            {
                // Venues without a shipped rules file trade on 1e-8 steps with no minimums.
                rules.Add(InstrumentRules.Permissive(symbol.Symbol));
            }
        }

        return new InstrumentCatalog(rules);
    }

    internal static DateTime? ParseTime(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            return DateTime.SpecifyKind(time, DateTimeKind.Utc);
        }

        throw new PluginSettingsException(option, $"expected a UTC date or time such as 2022-12-13 or 2022-12-13T06:00:00, found '{text}'");
    }
}
