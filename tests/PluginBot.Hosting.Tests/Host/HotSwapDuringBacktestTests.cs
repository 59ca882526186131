using System.Runtime.CompilerServices;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Feeds;
using PluginBot.Engine.Hosting;
using PluginBot.Hosting.Tests.Fixtures;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Hosting.Tests.Host;

public sealed class HotSwapDuringBacktestTests
{
    private const int Bars = 300;
    private const int SwapBeforeBar = 120;
    private static readonly DateTime Origin = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void RequestSwap_FromVersionOneToTwoOfARealPluginMidRun_SplitsDecisionsAtTheSwapAndCollectsVersionOne()
    {
        using var host = new PluginHost(FixtureDirectories.Create("swap-shadow"));
        var v1 = host.Load(FixturePluginBuilder.Build(AlternatingStrategy("1.0.0", 0.1)));
        var v2 = host.Load(FixturePluginBuilder.Build(AlternatingStrategy("2.0.0", 0.2)));
        var catalog = new PluginCatalog();
        catalog.Register("swapped", () => (IPlugin)v1.CreateInstance(), v1.Version!);
        catalog.Register("fixed", () => new FractionOfEquitySizer(0.5m));
        var reference = new PluginReference("swapped", PluginSettings.Empty);
        BacktestSession? session = null;
        var swapped = false;
        var released = false;

        // The retired version is released a few bars after the swap, while the run goes on: the swap's own call
        // stack still holds the old instance, so releasing inside the completion callback could never collect it.
        var feed = new TriggeringFeed(new RandomWalkBarFeed("TEST", BarInterval.OneMinute, Origin, Bars, seed: 11), new Dictionary<int, Action>
        {
            [SwapBeforeBar] = () => RequestSwap(session!, v2, reference, outcome => swapped = outcome.Record.Succeeded),
            [SwapBeforeBar + 10] = () => released = swapped && host.Release(v1),
        });
        session = new BacktestSession(Composition(reference), catalog, feed, Options());

        var result = session.Run();

        Assert.Equal(Bars, result.BarsProcessed);
        var swap = Assert.Single(result.Swaps);
        Assert.True(swap.Succeeded, swap.Error);
        Assert.Equal(Origin.AddMinutes(SwapBeforeBar), swap.Time);
        var before = result.Decisions.Where(d => d.Time <= swap.Time).ToList();
        var after = result.Decisions.Where(d => d.Time > swap.Time).ToList();
        Assert.NotEmpty(before);
        Assert.NotEmpty(after);
        Assert.All(before, d => Assert.Equal((0.1, "1.0.0"), (d.Signal.Confidence, d.StrategyVersion)));
        Assert.All(after, d => Assert.Equal((0.2, "2.0.0"), (d.Signal.Confidence, d.StrategyVersion)));
        // Every bar decided exactly once (the strategy alternates long/flat, so each bar is a decision): nothing was
        // lost or handled twice across the swap.
        Assert.Equal(Enumerable.Range(1, Bars).Select(minute => Origin.AddMinutes(minute)), result.Decisions.Select(d => d.Time));
        Assert.True(swapped);
        Assert.True(released, "version 1's load context was not collected after the swap");
        Assert.Equal(PluginState.Unloaded, v1.State);
    }

    /// <summary>Long on even minutes and flat on odd ones, so every bar is a decision; the confidence names the version.</summary>
    private static FixturePlugin AlternatingStrategy(string version, double confidence)
    {
        var source = $$"""
            using PluginBot.Sdk.Market;
            using PluginBot.Sdk.Plugins;
            using PluginBot.Sdk.Signals;

            namespace Fixture.Alternating;

            public sealed class AlternatingStrategy : IStrategy
            {
                public void Initialize(IPluginContext context)
                {
                }

                public Signal OnBar(in Bar bar) =>
                    bar.StartTime.Minute % 2 == 0 ? Signal.Long({{confidence.ToString(System.Globalization.CultureInfo.InvariantCulture)}}) : Signal.Flat({{confidence.ToString(System.Globalization.CultureInfo.InvariantCulture)}});
            }
            """;
        return new FixturePlugin("swapped", version,
            new FixtureAssembly("Fixture.Alternating", source) { AssemblyVersion = new Version(version + ".0") },
            "Fixture.Alternating.AlternatingStrategy");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RequestSwap(BacktestSession session, HostedPlugin replacement, PluginReference reference, Action<SwapOutcome<IStrategy>> completed)
    {
        var instance = (IStrategy)replacement.CreateInstance();
        session.Initialize(instance, reference);
        session.StrategySlot.RequestSwap(instance, replacement.Version!, completed);
    }

    private static StrategyComposition Composition(PluginReference strategy) => new()
    {
        Name = "swap",
        SourcePath = "(test)",
        Strategy = strategy,
        Sizer = new PluginReference("fixed", PluginSettings.Empty),
    };

    private static BacktestOptions Options() => new()
    {
        Instruments = new InstrumentCatalog([InstrumentRules.Permissive("TEST")]),
        Interval = BarInterval.OneMinute,
    };
}
