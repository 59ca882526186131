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

public sealed class FolderUpdateDuringBacktestTests
{
    private const int Bars = 300;
    private static readonly DateTime Origin = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    [Fact]
    public void ReplacingAPluginFolderInPlace_WhileRunning_IsLoadedSwappedInAndTheOldVersionUnloaded()
    {
        var (pluginsDirectory, folder, host, catalog, coordinator) = StartWithVersionOne();
        using var loadedHost = host;
        using var watcher = new PluginDirectoryWatcher(pluginsDirectory, Quiet);
        watcher.Changed += coordinator.Handle;
        watcher.Poll(Origin);
        watcher.Poll(Origin + Quiet);

        // Bar 100: a rebuild overwrites the folder in place; bar 101: the watcher sees it settle and the coordinator
        // loads and requests the swap; bar 150: the coordinator releases the retired version.
        var feed = new TriggeringFeed(new RandomWalkBarFeed("TEST", BarInterval.OneMinute, Origin, Bars, seed: 5), new Dictionary<int, Action>
        {
            [100] = () => FixturePluginBuilder.BuildInto(AlternatingStrategy("2.0.0", 0.2), folder),
            [101] = () =>
            {
                watcher.Poll(Origin.AddMinutes(10));
                watcher.Poll(Origin.AddMinutes(10) + Quiet);
            },
            [150] = coordinator.ReleaseRetired,
        });
        var session = new BacktestSession(Composition(), catalog, feed, Options());
        coordinator.Attach(session);

        var result = session.Run();

        Assert.Equal(Bars, result.BarsProcessed);
        var swap = Assert.Single(result.Swaps);
        Assert.True(swap.Succeeded, swap.Error);
        Assert.Equal(("1.0.0", "2.0.0"), (swap.FromVersion, swap.ToVersion));
        Assert.All(result.Decisions.Where(d => d.Time <= swap.Time), d => Assert.Equal(0.1, d.Signal.Confidence));
        Assert.All(result.Decisions.Where(d => d.Time > swap.Time), d => Assert.Equal(0.2, d.Signal.Confidence));
        Assert.Equal(1, coordinator.ReleasedAndCollected);
        Assert.Equal(0, coordinator.ReleasedButNotCollected);
    }

    [Fact]
    public void ReplacingAPluginFolderWithABrokenVersion_KeepsTheRunningVersionAndReportsWhy()
    {
        var (pluginsDirectory, folder, host, catalog, coordinator) = StartWithVersionOne();
        using var loadedHost = host;
        var feed = new TriggeringFeed(new RandomWalkBarFeed("TEST", BarInterval.OneMinute, Origin, Bars, seed: 5), new Dictionary<int, Action>
        {
            [100] = () =>
            {
                File.WriteAllText(Path.Combine(folder, "plugin.json"), """{ "id": "alternating", "kind": "strategy" }""");
                coordinator.Handle(new PluginFolderChange(PluginFolderChangeKind.Changed, folder));
            },
        });
        var session = new BacktestSession(Composition(), catalog, feed, Options());
        coordinator.Attach(session);

        var result = session.Run();

        Assert.Empty(result.Swaps);
        Assert.All(result.Decisions, d => Assert.Equal(0.1, d.Signal.Confidence));
        Assert.Contains(coordinator.Reports, report => report.StartsWith("alternating: Refused, the running version stays", StringComparison.Ordinal));
    }

    [Fact]
    public void ReplacementWhoseInitialiseThrows_IsRefusedOnTheEngineThreadAndTheRunningVersionStays()
    {
        var (pluginsDirectory, folder, host, catalog, coordinator) = StartWithVersionOne();
        using var loadedHost = host;
        var feed = new TriggeringFeed(new RandomWalkBarFeed("TEST", BarInterval.OneMinute, Origin, Bars, seed: 5), new Dictionary<int, Action>
        {
            [100] = () =>
            {
                FixturePluginBuilder.BuildInto(AlternatingStrategy("2.0.0", 0.2, initializeThrows: true), folder);
                coordinator.Handle(new PluginFolderChange(PluginFolderChangeKind.Changed, folder));
            },
        });
        var session = new BacktestSession(Composition(), catalog, feed, Options());
        coordinator.Attach(session);

        var result = session.Run();

        var swap = Assert.Single(result.Swaps);
        Assert.False(swap.Succeeded);
        Assert.Contains("creating the new version threw System.InvalidOperationException: model not found", swap.Error);
        Assert.All(result.Decisions, d => Assert.Equal(0.1, d.Signal.Confidence));
        Assert.Equal("1.0.0", session.StrategySlot.CurrentVersion);
    }

    [Fact]
    public void RemovingARunningPluginsFolder_UnregistersItAndReleasesItOnceItStopsRunning()
    {
        var (pluginsDirectory, folder, host, catalog, coordinator) = StartWithVersionOne();
        using var loadedHost = host;

        var releasedWhileRunning = RunRemovingTheFolderAtBar50(coordinator, catalog, folder);

        // While the run used it, it stayed loaded and was not released; once the session is gone, it is.
        Assert.Equal(0, releasedWhileRunning);
        Assert.Throws<Engine.Composition.CompositionException>(() => catalog.Create<IStrategy>(Composition().Strategy, "(test)", "$.strategy"));
        coordinator.ReleaseRetired();
        Assert.True(coordinator.ReleasedAndCollected == 1, string.Join(Environment.NewLine, coordinator.Reports));
    }

    // Its own frame, so nothing of the finished session survives on the test's stack.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int RunRemovingTheFolderAtBar50(PluginUpdateCoordinator coordinator, PluginCatalog catalog, string folder)
    {
        var releasedAtBar60 = -1;
        var feed = new TriggeringFeed(new RandomWalkBarFeed("TEST", BarInterval.OneMinute, Origin, Bars, seed: 5), new Dictionary<int, Action>
        {
            [50] = () => coordinator.Handle(new PluginFolderChange(PluginFolderChangeKind.Removed, folder)),
            [60] = () =>
            {
                coordinator.ReleaseRetired();
                releasedAtBar60 = coordinator.ReleasedAndCollected + coordinator.ReleasedButNotCollected;
            },
        });
        var session = new BacktestSession(Composition(), catalog, feed, Options());
        coordinator.Attach(session);
        session.Run();
        return releasedAtBar60;
    }

    /// <summary>A plugins directory holding version 1.0.0 of the alternating strategy, loaded and registered.</summary>
    private static (string PluginsDirectory, string Folder, PluginHost Host, PluginCatalog Catalog, PluginUpdateCoordinator Coordinator) StartWithVersionOne()
    {
        var pluginsDirectory = FixtureDirectories.Create("watched-plugins");
        var folder = Path.Combine(pluginsDirectory, "alternating");
        FixturePluginBuilder.BuildInto(AlternatingStrategy("1.0.0", 0.1), folder);
        var host = new PluginHost(FixtureDirectories.Create("watched-shadow"));
        host.LoadDirectory(pluginsDirectory);
        var catalog = new PluginCatalog();
        HostedPluginRegistration.RegisterAll(host.Plugins, catalog);
        catalog.Register("fixed", () => new FractionOfEquitySizer(0.1m));
        return (pluginsDirectory, folder, host, catalog, new PluginUpdateCoordinator(host, catalog));
    }

    private static FixturePlugin AlternatingStrategy(string version, double confidence, bool initializeThrows = false)
    {
        var initialize = initializeThrows
            ? "public void Initialize(IPluginContext context) => throw new System.InvalidOperationException(\"model not found\");"
            : "public void Initialize(IPluginContext context) { }";
        var value = confidence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var source = $$"""
            using PluginBot.Sdk.Market;
            using PluginBot.Sdk.Plugins;
            using PluginBot.Sdk.Signals;

            namespace Fixture.Watched;

            public sealed class AlternatingStrategy : IStrategy
            {
                {{initialize}}

                public Signal OnBar(in Bar bar) => bar.StartTime.Minute % 2 == 0 ? Signal.Long({{value}}) : Signal.Flat({{value}});
            }
            """;
        return new FixturePlugin("alternating", version,
            new FixtureAssembly("Fixture.Watched", source) { AssemblyVersion = new Version(version + ".0") },
            "Fixture.Watched.AlternatingStrategy");
    }

    private static StrategyComposition Composition() => new()
    {
        Name = "watched",
        SourcePath = "(test)",
        Strategy = new PluginReference("alternating", PluginSettings.Empty),
        Sizer = new PluginReference("fixed", PluginSettings.Empty),
    };

    private static BacktestOptions Options() => new()
    {
        Instruments = new InstrumentCatalog([InstrumentRules.Permissive("TEST")]),
        Interval = BarInterval.OneMinute,
    };
}
