using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PluginBot.Engine.Feeds;
using PluginBot.Features;
using PluginBot.Sdk.Market;
using Spectre.Console;

namespace PluginBot.Cli.Commands;

/// <summary>
/// <c>pluginbot bench features</c>: the cost of one feature-set update (plus copying the vector out) per bar over
/// generated bars, in nanoseconds and allocated bytes, as medians over several runs. Bars are generated in chunks
/// outside the timed region, so only the feature set is measured.
/// </summary>
internal static class BenchFeaturesCommand
{
    private const int ChunkSize = 1 << 16;

    public static Command Create()
    {
        var bars = new Option<long>("--bars") { Description = "Generated bars per run", DefaultValueFactory = _ => 1_000_000 };
        var runs = new Option<int>("--runs") { Description = "Measured runs (after one warm-up run)", DefaultValueFactory = _ => 5 };
        var set = new Option<string>("--set") { Description = "Feature set to measure", DefaultValueFactory = _ => DefaultFeatureSet.Name };
        var seed = new Option<int>("--seed") { Description = "Seed of the random walk", DefaultValueFactory = _ => 42 };
        var command = new Command("features", "Benchmark a feature set's per-bar update over generated bars: nanoseconds and bytes allocated per bar")
        {
            bars, runs, set, seed,
        };
        command.SetAction(parse => Run(parse.GetValue(bars), parse.GetValue(runs), parse.GetValue(set)!, parse.GetValue(seed)));
        return command;
    }

    private static int Run(long barCount, int runs, string setName, int seed)
    {
        if (barCount <= 0 || runs <= 0)
        {
            throw new ArgumentException("--bars and --runs must be positive.");
        }

        var catalog = new FeatureSetCatalog();
        var schema = catalog.GetSchema(setName);
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"Feature set '{schema.Name}' v{schema.Version} ({schema.Count} features) over {barCount:N0} generated 1m bars, seed {seed}: 1 warm-up run + {runs} measured, one thread.")));
        Measure(catalog, setName, barCount, seed);
        var measurements = new List<(double NanosecondsPerBar, double BytesPerBar)>();
        for (var run = 0; run < runs; run++)
        {
            measurements.Add(Measure(catalog, setName, barCount, seed));
        }

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("Run", "ns/bar", "Bytes/bar");
        for (var index = 0; index < measurements.Count; index++)
        {
            table.AddRow(
                (index + 1).ToString(CultureInfo.InvariantCulture),
                measurements[index].NanosecondsPerBar.ToString("0.0", CultureInfo.InvariantCulture),
                measurements[index].BytesPerBar.ToString("0.00", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        var medianNanoseconds = Median(measurements.Select(m => m.NanosecondsPerBar));
        var medianBytes = Median(measurements.Select(m => m.BytesPerBar));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"median: {medianNanoseconds:0.0} ns per bar, {medianBytes:0.00} bytes allocated per bar (Update + TryWrite of {schema.Count} features)"));
        return 0;
    }

    private static (double NanosecondsPerBar, double BytesPerBar) Measure(FeatureSetCatalog catalog, string setName, long barCount, int seed)
    {
        var featureSet = catalog.Create(setName);
        var vector = new float[featureSet.Count];
        var feed = new RandomWalkBarFeed("BTCUSDT", BarInterval.OneMinute, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), barCount, seed);
        var chunk = new Bar[(int)Math.Min(ChunkSize, barCount)];
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long elapsedTicks = 0;
        long allocatedBytes = 0;
        long processed = 0;
        while (true)
        {
            var filled = 0;
            while (filled < chunk.Length && feed.TryRead(out chunk[filled]))
            {
                filled++;
            }

            if (filled == 0)
            {
                break;
            }

            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            for (var index = 0; index < filled; index++)
            {
                featureSet.Update(in chunk[index]);
                featureSet.TryWrite(vector);
            }

            elapsedTicks += Stopwatch.GetTimestamp() - started;
            allocatedBytes += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            processed += filled;
        }

        var nanoseconds = elapsedTicks * (1e9 / Stopwatch.Frequency);
        return (nanoseconds / processed, (double)allocatedBytes / processed);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
