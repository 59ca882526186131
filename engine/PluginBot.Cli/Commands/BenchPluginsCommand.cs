using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using PluginBot.Engine.Accounting;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Clock;
using PluginBot.Engine.Feeds;
using PluginBot.Engine.Hosting;
using PluginBot.Hosting;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Cli.Commands;

/// <summary>
/// <c>pluginbot bench plugins</c>: load / swap / unload cycles of a real plugin folder. Each cycle changes the folder's
/// content (so every load makes a fresh shadow copy), loads the new version into its own collectible context
/// (validation, SDK check, shadow copy, construction), swaps it into a strategy slot the way the engine does (the
/// slot constructs, initialises and warms it up on its thread, then cuts over), releases the previous version and
/// verifies its context was collected.
/// </summary>
internal static class BenchPluginsCommand
{
    public static Command Create()
    {
        var cycles = new Option<int>("--cycles") { Description = "Load/swap/unload cycles", DefaultValueFactory = _ => 1_000 };
        var plugin = new Option<string?>("--plugin") { Description = "Plugin folder to cycle (default: the packaged ema-cross plugin)" };
        var command = new Command("plugins", "Benchmark plugin load, hot swap and unload: times per cycle and memory growth") { cycles, plugin };
        command.SetAction(parse => Run(parse.GetValue(cycles), parse.GetValue(plugin)));
        return command;
    }

    private static int Run(int cycles, string? pluginFolder)
    {
        if (cycles < 2)
        {
            throw new ArgumentException($"--cycles: expected at least 2, found {cycles}");
        }

        var source = pluginFolder ?? Path.Combine(PluginLoading.BuiltInDirectory() ?? throw new DirectoryNotFoundException("No built-in plugin directory was found."), "ema-cross");
        pluginFolder = Path.Combine(Path.GetTempPath(), "pluginbot-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture), Path.GetFileName(source));
        Directory.CreateDirectory(pluginFolder);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(pluginFolder, Path.GetFileName(file)), overwrite: true);
        }

        using var host = new PluginHost(PluginLoading.ShadowRoot());
        var clock = new SimulatedClock();
        var portfolio = new Portfolio(10_000m);
        var instruments = new InstrumentCatalog([InstrumentRules.Permissive("BTCUSDT")]);
        var history = new RecentBars(200);
        var feed = new RandomWalkBarFeed("BTCUSDT", BarInterval.OneMinute, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), 200, seed: 1);
        while (feed.TryRead(out var bar))
        {
            history.Add(in bar);
        }

        IPluginContext Context() => new PluginContext(clock, portfolio, instruments, new CollectingLogger(clock, "bench", []), PluginSettings.Empty);
        var current = LoadVersion(host, pluginFolder);
        var slot = CreateSlot(current, Context());
        var loadTimes = new List<double>();
        var swapTimes = new List<double>();
        var unloadTimes = new List<double>();
        var notCollected = 0;
        long memoryAtStart = 0;
        long workingSetAtStart = 0;
        var stopwatch = new Stopwatch();
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            if (cycle == 2)
            {
                // The first cycle pays for JIT and first-time shadow copying; growth is measured from here.
                memoryAtStart = GC.GetTotalMemory(forceFullCollection: true);
                workingSetAtStart = Environment.WorkingSet;
            }

            // A new build: different content, so the host makes (and later removes) a fresh shadow copy.
            File.WriteAllText(Path.Combine(pluginFolder, "build.txt"), cycle.ToString(CultureInfo.InvariantCulture));
            stopwatch.Restart();
            var next = LoadVersion(host, pluginFolder);
            loadTimes.Add(stopwatch.Elapsed.TotalMilliseconds);

            // What the engine's event loop waits for: construct, initialise and warm up an instance of the freshly
            // loaded version (its code runs, and so is compiled, for the first time here), then cut over.
            stopwatch.Restart();
            slot.RequestSwap(() => CreateWarmedUp(next, Context(), history), cycle.ToString(CultureInfo.InvariantCulture));
            var record = slot.ApplyPendingSwap(clock.UtcNow, history);
            swapTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
            if (record is not { Succeeded: true })
            {
                throw new InvalidOperationException($"Swap {cycle} failed: {record?.Error}");
            }

            stopwatch.Restart();
            if (!host.Release(current))
            {
                notCollected++;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cycle {cycle}: the released version's load context was not collected"));
            }

            unloadTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
            current = next;
        }

        var memoryAtEnd = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetAtEnd = Environment.WorkingSet;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cycles:N0} load/swap/unload cycles of {Path.GetFileName(pluginFolder)}: unload verified in {cycles - notCollected:N0} of {cycles:N0} cycles"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load (validate, SDK check, shadow copy, new context, construct, initialise): median {Percentiles.Of(loadTimes, 0.5):0.000} ms, p99 {Percentiles.Of(loadTimes, 0.99):0.000} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"swap on the engine thread (construct, initialise, warm up on 200 bars incl. first-run compilation, cut over): median {Percentiles.Of(swapTimes, 0.5):0.000} ms, p99 {Percentiles.Of(swapTimes, 0.99):0.000} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"unload + verified collection: median {Percentiles.Of(unloadTimes, 0.5):0.000} ms, p99 {Percentiles.Of(unloadTimes, 0.99):0.000} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory growth over cycles 2..{cycles}: managed {(memoryAtEnd - memoryAtStart) / 1024.0 / 1024.0:0.00} MB, working set {(workingSetAtEnd - workingSetAtStart) / 1024.0 / 1024.0:0.00} MB"));
        Directory.Delete(Path.GetDirectoryName(pluginFolder)!, recursive: true);
        return notCollected == 0 ? 0 : 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static HostedPlugin LoadVersion(PluginHost host, string folder)
    {
        var plugin = host.Load(folder);
        return plugin.State == PluginState.Loaded
            ? plugin
            : throw new InvalidOperationException($"{folder} did not load: {string.Join("; ", plugin.Errors)}");
    }

    // In its own frame: an unoptimised caller could keep the first instance alive in a hidden temporary.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PluginSlot<IStrategy> CreateSlot(HostedPlugin plugin, IPluginContext context) =>
        new("strategy", Instantiate(plugin, context), "0");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IStrategy CreateWarmedUp(HostedPlugin plugin, IPluginContext context, RecentBars history)
    {
        var strategy = Instantiate(plugin, context);
        GuardedStrategy.WarmUp(strategy, history);
        return strategy;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IStrategy Instantiate(HostedPlugin plugin, IPluginContext context)
    {
        var strategy = (IStrategy)plugin.CreateInstance();
        strategy.Initialize(context);
        return strategy;
    }
}
