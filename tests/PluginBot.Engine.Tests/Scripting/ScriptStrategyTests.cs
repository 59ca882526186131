using System.Globalization;
using System.Runtime.CompilerServices;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Feeds;
using PluginBot.Engine.Scripting;
using PluginBot.Engine.Tests.Infrastructure;
using PluginBot.Plugins.FixedFractionSizer;
using PluginBot.Scripting;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Tests.Scripting;

public sealed class ScriptStrategyTests : IDisposable
{
    private const int Bars = 300;
    private static readonly ScriptCompiler Compiler = new();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "pluginbot-scripts-" + Guid.NewGuid().ToString("N"));

    public ScriptStrategyTests() => Directory.CreateDirectory(folder);

    [Fact]
    public void Backtest_SampleScriptOnShippedData_TradesAndIsReproducible()
    {
        var script = Path.Combine(RepositoryPaths.RepositoryRoot, "samples", "scripts", "rsi-reversion.cs");
        var data = ShippedCompositionBacktest.LoadData(RepositoryPaths.BinanceBitcoinMinuteFile);

        var first = RunScriptBacktest(script, data);
        var second = RunScriptBacktest(script, data);

        Assert.Equal(1_440, first.BarsProcessed);
        Assert.NotEmpty(first.Orders);
        Assert.All(first.Orders, order => Assert.Equal(OrderStatus.Filled, order.Status));
        Assert.Equal(BacktestResultWriter.ResultsJson(first), BacktestResultWriter.ResultsJson(second));
    }

    [Fact]
    public void Register_ScriptThatDoesNotCompile_ListsEveryErrorWithFileLineAndColumn()
    {
        var path = Write("broken.cs", Alternating(0.1).Replace("Signal.Hold", "Signal.Hodl") + "\nclass Extra { int Broken() => undefinedName; }\n");

        var error = Assert.Throws<ScriptCompilationException>(() => ScriptCompositions.Register(Compiler, path, new PluginCatalog(), ScriptStrategy.DefaultBudget));

        Assert.Contains(error.Diagnostics, d => d.Id == "CS0117" && d.FilePath == path && d.Line > 0 && d.Column > 0);
        Assert.Contains(error.Diagnostics, d => d.Id == "CS0103" && d.Message.Contains("undefinedName", StringComparison.Ordinal));
        Assert.Contains($"{path}:", error.Message);
    }

    [Fact]
    public void Reload_SaveDuringAReplay_SwapsBetweenEventsKeepsPositionsCarriesStateAndUnloadsTheOldVersion()
    {
        var path = Write("alternating.cs", Alternating(0.1));
        var outcome = RunWithSaveAtBar100(path, Alternating(0.2), out var reloader);

        // Every bar was decided exactly once (the script alternates long and flat, so every bar is a decision).
        Assert.Equal(Enumerable.Range(1, Bars).Select(minute => TestBars.Origin.AddMinutes(minute)), outcome.Decisions.Select(d => d.Time));
        var swap = Assert.Single(outcome.Swaps);
        Assert.True(swap.Succeeded, swap.Error);
        Assert.StartsWith("state carried", swap.Note);
        Assert.All(outcome.Decisions.Where(d => d.Time <= swap.Time), d => Assert.Equal(0.1, d.Signal.Confidence));
        Assert.All(outcome.Decisions.Where(d => d.Time > swap.Time), d => Assert.Equal(0.2, d.Signal.Confidence));

        // Positions are the engine's: the swap sent no order of its own; every order answers a decision.
        Assert.Equal(outcome.Orders.Count, outcome.Decisions.Count(d => d.ClientOrderId is not null));
        Assert.Equal(1, reloader.ReleasedAndCollected);
    }

    [Fact]
    public void Reload_SaveThatDoesNotCompile_KeepsTheRunningVersionAndReportsThePosition()
    {
        var path = Write("alternating.cs", Alternating(0.1));
        var outcome = RunWithSaveAtBar100(path, Alternating(0.2).Replace("public Signal OnBar", "public Signal OnBar("), out var reloader);

        Assert.Empty(outcome.Swaps);
        Assert.All(outcome.Decisions, d => Assert.Equal(0.1, d.Signal.Confidence));
        var diagnostic = Assert.Single(reloader.LastDiagnostics.Where(d => d.IsError).Take(1));
        Assert.Equal(path, diagnostic.FilePath);
        Assert.True(diagnostic.Line > 0 && diagnostic.Column > 0);
        Assert.Contains(reloader.Reports, report => report.Contains("does not compile, the running version", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_RunawayScript_IsFaultedByTheTimeBudgetWhileTheEngineKeepsRunning()
    {
        var path = Write("runaway.cs", """
            public sealed class Runaway : IStrategy
            {
                private int bars;

                public void Initialize(IPluginContext context) { }

                public Signal OnBar(in Bar bar)
                {
                    bars++;
                    while (bars > 50) { }
                    return Signal.Hold;
                }
            }
            """);
        var catalog = Catalog();
        ScriptCompositions.Register(Compiler, path, catalog, TimeSpan.FromMilliseconds(20));

        var result = new BacktestSession(ScriptCompositions.For(path), catalog, Feed(), Options()).Run();

        Assert.Equal(Bars, result.BarsProcessed);
        Assert.True(result.StrategyFaulted);
        Assert.Equal(5, result.StrategyFailures);
        Assert.Contains(result.Log, entry => entry.Message.Contains("ScriptBudgetExceededException", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Long on even minutes, flat on odd ones; counts bars and carries the count across reloads.</summary>
    private static string Alternating(double confidence) => $$"""
        public sealed class Alternating : IStrategy, IStateCarrier
        {
            private int bars;

            public void Initialize(IPluginContext context) { }

            public Signal OnBar(in Bar bar)
            {
                bars++;
                if (bars < 0) return Signal.Hold;
                return bar.StartTime.Minute % 2 == 0 ? Signal.Long({{confidence.ToString(CultureInfo.InvariantCulture)}}) : Signal.Flat({{confidence.ToString(CultureInfo.InvariantCulture)}});
            }

            public void SaveState(StrategyState state) => state.SetNumber("bars", bars);

            public bool RestoreState(StrategyState state)
            {
                if (!state.TryGetNumber("bars", out var saved)) return false;
                bars = (int)saved;
                return true;
            }
        }
        """;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static BacktestResult RunScriptBacktest(string script, BacktestDataSet data)
    {
        var catalog = ShippedCompositionBacktest.CreateCatalog();
        ScriptCompositions.Register(Compiler, script, catalog, ScriptStrategy.DefaultBudget);
        return ShippedCompositionBacktest.Run(data, ScriptCompositions.For(script), catalog);
    }

    // Its own frame, so nothing of the finished session survives on the caller's stack.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static BacktestResult RunWithSaveAtBar100(string path, string newSource, out ScriptReloader reloader)
    {
        var catalog = Catalog();
        var running = ScriptCompositions.Register(Compiler, path, catalog, ScriptStrategy.DefaultBudget);
        var scriptReloader = new ScriptReloader(Compiler, path, running, catalog, ScriptStrategy.DefaultBudget);
        var feed = new ActionFeed(Feed(), new Dictionary<int, Action>
        {
            [100] = () =>
            {
                File.WriteAllText(path, newSource);
                scriptReloader.OnSaved(path);
            },
            [150] = scriptReloader.ReleaseRetired,
        });
        var session = new BacktestSession(ScriptCompositions.For(path), catalog, feed, Options());
        scriptReloader.Attach(session);
        reloader = scriptReloader;
        return session.Run();
    }

    private static PluginCatalog Catalog()
    {
        var catalog = new PluginCatalog();
        catalog.Register("fixed-fraction", () => new FixedFractionSizer());
        return catalog;
    }

    private static RandomWalkBarFeed Feed() => new("TEST", BarInterval.OneMinute, TestBars.Origin, Bars, seed: 9);

    private static BacktestOptions Options() => new()
    {
        Instruments = new InstrumentCatalog([InstrumentRules.Permissive("TEST")]),
        Interval = BarInterval.OneMinute,
    };

    private string Write(string name, string source)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, source);
        return path;
    }

    private sealed class ActionFeed(IBarFeed inner, IReadOnlyDictionary<int, Action> actions) : IBarFeed
    {
        private int handedOut;

        public long? RemainingCount => inner.RemainingCount;

        public bool TryRead(out Bar bar)
        {
            if (actions.TryGetValue(handedOut++, out var action))
            {
                action();
            }

            return inner.TryRead(out bar);
        }
    }
}
