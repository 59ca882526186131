using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Feeds;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;
using Spectre.Console;

namespace PluginBot.Cli.Commands;

/// <summary>
/// <c>pluginbot bench backtest</c>: the EMA-cross backtest over millions of generated bars, timed and with its
/// allocations counted, repeated and reported as medians. Throughput is measured here, never in unit tests.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var bars = new Option<long>("--bars") { Description = "Generated bars per run", DefaultValueFactory = _ => 5_000_000 };
        var runs = new Option<int>("--runs") { Description = "Measured runs (after one warm-up run)", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random walk", DefaultValueFactory = _ => 42 };
        var fast = new Option<int>("--fast-period") { Description = "Fast EMA period", DefaultValueFactory = _ => 12 };
        var slow = new Option<int>("--slow-period") { Description = "Slow EMA period", DefaultValueFactory = _ => 26 };
        var backtest = new Command("backtest", "Benchmark the EMA-cross backtest over generated bars: bars per second and bytes allocated per bar")
        {
            bars, runs, seed, fast, slow,
        };
        backtest.SetAction(parse => Run(parse.GetValue(bars), parse.GetValue(runs), parse.GetValue(seed), parse.GetValue(fast), parse.GetValue(slow)));
        return new Command("bench", "Benchmarks") { backtest, BenchFeaturesCommand.Create(), BenchPluginsCommand.Create(), BenchScriptsCommand.Create(), BenchOnnxCommand.Create(), BenchPaperCommand.Create() };
    }

    private static int Run(long barCount, int runs, int seed, int fastPeriod, int slowPeriod)
    {
        if (barCount <= 0 || runs <= 0)
        {
            throw new ArgumentException("--bars and --runs must be positive.");
        }

        var composition = EmaCrossComposition(fastPeriod, slowPeriod);
        var options = new BacktestOptions
        {
            // No fees: on a random walk EMA(12/26) trades every ~50 bars, and 0.1 % a side would shrink any
            // account below Binance's minimum order value within a million bars; the strategy would stop trading
            // and the benchmark would stop measuring the order path.
            Exchange = new Engine.Exchange.SimulatedExchangeOptions { Fees = new Engine.Exchange.FeeSchedule(0m, 0m) },
            Instruments = new InstrumentCatalog([new InstrumentRules("BTCUSDT", "USDT", 0.01m, 0.00001m, 0.00001m, 5m)]),
            Interval = BarInterval.OneMinute,

            // A daily equity curve: million-bar runs keep statistics over every bar but store one point a day.
            EquitySamplingPeriod = TimeSpan.FromDays(1),
        };

        AnsiConsole.MarkupLine($"EMA-cross ({fastPeriod}/{slowPeriod}) over {barCount:N0} generated 1m bars, seed {seed}: 1 warm-up run + {runs} measured, one thread.");
        var (host, catalog) = PluginLoading.Load([], quiet: true);
        using var pluginHost = host;
        Measure(composition, catalog, options, barCount, seed);
        var measurements = new List<BenchMeasurement>();
        for (var run = 0; run < runs; run++)
        {
            measurements.Add(Measure(composition, catalog, options, barCount, seed));
        }

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("Run", "Seconds", "Bars/s", "Bytes/bar", "Orders", "Bytes/order");
        for (var index = 0; index < measurements.Count; index++)
        {
            var m = measurements[index];
            table.AddRow((index + 1).ToString(CultureInfo.InvariantCulture), m.Seconds.ToString("0.000", CultureInfo.InvariantCulture),
                m.BarsPerSecond.ToString("N0", CultureInfo.InvariantCulture), m.BytesPerBar.ToString("0.00", CultureInfo.InvariantCulture),
                m.Orders.ToString("N0", CultureInfo.InvariantCulture), m.BytesPerOrder.ToString("N0", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        var medianRate = Median(measurements.Select(m => m.BarsPerSecond));
        var medianBytes = Median(measurements.Select(m => m.BytesPerBar));
        var medianPerOrder = Median(measurements.Select(m => m.BytesPerOrder));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median: {medianRate:N0} bars/s, {medianBytes:0.00} bytes allocated per bar ({measurements[0].Orders:N0} orders, {medianPerOrder:N0} bytes per order)"));
        return 0;
    }

    private static BenchMeasurement Measure(StrategyComposition composition, PluginCatalog catalog, BacktestOptions options, long barCount, int seed)
    {
        var feed = new RandomWalkBarFeed("BTCUSDT", BarInterval.OneMinute, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), barCount, seed);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        var result = BacktestRunner.Run(composition, catalog, feed, options);
        stopwatch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return new BenchMeasurement(result.BarsProcessed, stopwatch.Elapsed.TotalSeconds, allocated, result.Orders.Count, result.Trades.Count);
    }

    private static StrategyComposition EmaCrossComposition(int fastPeriod, int slowPeriod)
    {
        using var settings = System.Text.Json.JsonDocument.Parse(
            string.Create(CultureInfo.InvariantCulture, $"{{\"fastPeriod\":{fastPeriod},\"slowPeriod\":{slowPeriod}}}"));
        return new StrategyComposition
        {
            Name = "bench-ema-cross",
            SourcePath = "(generated)",
            Strategy = new PluginReference("ema-cross", new PluginSettings(settings.RootElement, "strategy.settings")),
            Sizer = new PluginReference("fixed-fraction", PluginSettings.Empty),
        };
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
