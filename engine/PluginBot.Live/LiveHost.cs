using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Hosting;
using PluginBot.Engine.Scripting;
using PluginBot.Hosting;
using PluginBot.Models.Registry;
using PluginBot.Persistence;
using PluginBot.Scripting;
using PluginBot.Sdk.Instruments;
using PluginBot.Server;

namespace PluginBot.Live;

/// <summary>
/// <c>pluginbot run</c>'s process: every configured strategy on its own engine thread in the paper environment,
/// the plugin folders and script files watched (new versions are swapped in between two events), the trading store
/// recording everything that must survive a crash, and the control API on loopback.
/// </summary>
public sealed class LiveHost : IAsyncDisposable
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(300);
    private readonly List<IDisposable> watchers = [];
    private readonly Dictionary<string, ScriptReloader> reloaders = new(StringComparer.Ordinal);
    private readonly TradingStore store;
    private ControlApiServer? server;

    private LiveHost(TradingStore store, IReadOnlyList<LiveStrategy> strategies, PluginUpdateCoordinator coordinator)
    {
        this.store = store;
        Strategies = strategies;
        Coordinator = coordinator;
    }

    /// <summary>The strategies running.</summary>
    public IReadOnlyList<LiveStrategy> Strategies { get; }

    /// <summary>Hands new plugin versions to the sessions.</summary>
    public PluginUpdateCoordinator Coordinator { get; }

    /// <summary>Follows the configured model registry's production versions, or null when the configuration names none.</summary>
    public ModelPromotionWatcher? Models { get; private set; }

    /// <summary>Where the control API listens.</summary>
    public Uri? ApiAddress => server?.BaseAddress;

    /// <summary>Completes when every strategy's feed has ended (a replay reached its last bar) or it was stopped.</summary>
    public Task Completion => Task.WhenAll(Strategies.Select(s => (Task)s.Completion));

    /// <summary>Script reload, plugin swap and model promotion reports, for the console.</summary>
    public IEnumerable<string> Reports => Coordinator.Reports.Concat(reloaders.Values.SelectMany(r => r.Reports)).Concat(Models?.Reports ?? []);

    /// <summary>Builds and starts everything; a bad configuration, composition or store fails here, before any order.</summary>
    public static async Task<LiveHost> StartAsync(
        HostConfiguration configuration,
        PluginHost host,
        PluginCatalog catalog,
        IReadOnlyList<string> watchedPluginDirectories,
        Func<BacktestDataSet, IInstrumentCatalog> instruments,
        TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(configuration.StorePath))!);
        var store = TradingStore.Open(configuration.StorePath);
        LiveHost? live = null;
        try
        {
            var compiler = new ScriptCompiler();
            var strategies = configuration.Strategies.Select(s => new LiveStrategy(s, catalog, store, instruments, time, compiler)).ToList();
            live = new LiveHost(store, strategies, new PluginUpdateCoordinator(host, catalog));
            foreach (var strategy in strategies)
            {
                live.Coordinator.Attach(strategy.Session);
                if (strategy.Script is { } script && strategy.Configuration.ScriptPath is { } path)
                {
                    var reloader = new ScriptReloader(compiler, path, script, catalog, ScriptStrategy.DefaultBudget);
                    reloader.Attach(strategy.Session);
                    live.reloaders[strategy.Name] = reloader;
                    var watcher = new ScriptFileWatcher(path, QuietPeriod);
                    watcher.Saved += reloader.OnSaved;
                    watcher.Start(configuration.WatchInterval, time);
                    live.watchers.Add(watcher);
                }
            }

            foreach (var directory in watchedPluginDirectories.Where(Directory.Exists))
            {
                var watcher = new PluginDirectoryWatcher(directory, QuietPeriod);
                live.Coordinator.Watch(watcher);
                watcher.Start(configuration.WatchInterval, time);
                live.watchers.Add(watcher);
            }

            if (configuration.ModelRegistryPath is { } registry)
            {
                var models = new ModelPromotionWatcher(new ModelRegistry(registry), strategies, catalog);
                live.Models = models;
                models.Start(configuration.WatchInterval, time);
                live.watchers.Add(models);
            }

            var control = new EngineControl(strategies, host, catalog, store, time)
            {
                RecompileScript = (name, path) => live.reloaders[name].OnSaved(path),
            };
            live.server = await ControlApiServer.StartAsync(control, new Server.ControlApiOptions { Port = configuration.ApiPort, Token = configuration.ApiToken }, cancellationToken);
            if (store.ReadSetting(EngineControl.KillSwitchSettingKey) is { } reason)
            {
                // An operator engaged the kill switch before the restart: it stays engaged until released.
                foreach (var manual in strategies.SelectMany(s => s.Session.ManualSwitches))
                {
                    manual.Engage(reason);
                }
            }

            foreach (var strategy in strategies)
            {
                strategy.Start();
            }

            return live;
        }
        catch
        {
            if (live is not null)
            {
                await live.DisposeAsync();
            }
            else
            {
                store.Dispose();
            }

            throw;
        }
    }

    /// <summary>Ends every feed; each session finishes the bar in hand.</summary>
    public void Stop()
    {
        foreach (var strategy in Strategies)
        {
            strategy.Stop();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Stop();
        foreach (var watcher in watchers)
        {
            watcher.Dispose();
        }

        if (server is not null)
        {
            await server.DisposeAsync();
        }

        foreach (var strategy in Strategies)
        {
            strategy.Dispose();
        }

        store.Dispose();
    }
}
