using System.Collections.Concurrent;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Hosting;
using PluginBot.Hosting.Loading;

namespace PluginBot.Engine.Hosting;

/// <summary>
/// Turns settled plugin-folder changes into engine actions while sessions run: an added or replaced folder is
/// loaded and validated by the host, registered for new compositions, and hot-swapped into every running slot
/// that uses its id (the slot constructs, initialises and warms it up between two events; any failure leaves the
/// running version in place). A version that fails to load changes nothing and is reported. Swapped-out versions
/// are released (unloaded, collection verified) once no running session uses them or still has a swap pending.
/// A removed folder is unregistered at once and its version released as soon as no slot runs it.
/// Swap completions only enqueue a report, so the engine's thread never waits on this object's lock.
/// </summary>
public sealed class PluginUpdateCoordinator
{
    private readonly PluginHost host;
    private readonly PluginCatalog catalog;
    private readonly List<BacktestSession> sessions = [];
    private readonly Dictionary<string, HostedPlugin> activeByFolder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> loadedContent = new(StringComparer.Ordinal);
    private readonly List<HostedPlugin> retired = [];
    private readonly ConcurrentQueue<string> reports = new();
    private readonly object gate = new();

    /// <summary>Coordinates <paramref name="host"/>'s loads with <paramref name="catalog"/> and the attached sessions.</summary>
    public PluginUpdateCoordinator(PluginHost host, PluginCatalog catalog)
    {
        this.host = host;
        this.catalog = catalog;
        foreach (var plugin in host.Plugins.Where(p => p.State == PluginState.Loaded))
        {
            activeByFolder[plugin.FolderPath] = plugin;
            loadedContent[plugin.FolderPath] = PluginContentHash.Compute(plugin.FolderPath);
        }
    }

    /// <summary>What happened, in order: loads, refusals, swaps, releases and errors.</summary>
    public IReadOnlyList<string> Reports => reports.ToArray();

    /// <summary>Versions released so far whose load context was verified collected.</summary>
    public int ReleasedAndCollected { get; private set; }

    /// <summary>Versions released whose load context something still held.</summary>
    public int ReleasedButNotCollected { get; private set; }

    /// <summary>Lets swaps reach <paramref name="session"/>'s slots (until it finishes).</summary>
    public void Attach(BacktestSession session)
    {
        lock (gate)
        {
            sessions.Add(session);
        }
    }

    /// <summary>Subscribes to <paramref name="watcher"/>: its changes are handled and every poll releases what it can.</summary>
    public void Watch(PluginDirectoryWatcher watcher)
    {
        watcher.Changed += Handle;
        watcher.Polled += ReleaseRetired;
    }

    /// <summary>Acts on one settled folder change. Never throws: a failure is reported and the running versions stay.</summary>
    public void Handle(PluginFolderChange change)
    {
        lock (gate)
        {
            try
            {
                HandleCore(change);
            }
            catch (Exception exception)
            {
                reports.Enqueue($"{change.FolderPath}: {change.Kind} could not be handled: {exception}");
            }
        }

        ReleaseRetired();
    }

    /// <summary>Unloads swapped-out versions that nothing runs any more and verifies each was collected.</summary>
    public void ReleaseRetired()
    {
        lock (gate)
        {
            sessions.RemoveAll(session => session.IsFinished && !session.HasPendingSwaps);
            if (sessions.Any(session => session.HasPendingSwaps))
            {
                // A swap not yet applied may still hand a retired version back: wait for it.
                return;
            }

            foreach (var plugin in retired.Where(p => !IsRunning(p)).ToList())
            {
                retired.Remove(plugin);
                var collected = host.Release(plugin);
                if (collected)
                {
                    ReleasedAndCollected++;
                }
                else
                {
                    ReleasedButNotCollected++;
                }

                reports.Enqueue(collected
                    ? $"{plugin.Id} {plugin.Version}: unloaded, load context collected"
                    : $"{plugin.Id} {plugin.Version}: unloaded, but its load context is still referenced");
            }
        }
    }

    private void HandleCore(PluginFolderChange change)
    {
        var folder = Path.GetFullPath(change.FolderPath);
        if (change.Kind == PluginFolderChangeKind.Removed)
        {
            Remove(folder);
            return;
        }

        // The first poll reports every folder as added, and a touch without a real change looks like one:
        // a folder whose content is what is already loaded needs nothing.
        var content = PluginContentHash.Compute(folder);
        if (loadedContent.TryGetValue(folder, out var known) && known == content)
        {
            return;
        }

        loadedContent[folder] = content;
        var plugin = host.Load(folder);
        if (plugin.State != PluginState.Loaded)
        {
            reports.Enqueue($"{plugin.Id}: {plugin.State}, the running version stays: {plugin.Errors.FirstOrDefault()}");
            return;
        }

        HostedPluginRegistration.Register(plugin, catalog);
        reports.Enqueue($"{plugin.Id} {plugin.Version}: loaded from {plugin.FolderPath}");
        if (activeByFolder.TryGetValue(folder, out var previous) && !ReferenceEquals(previous, plugin))
        {
            retired.Add(previous);
        }

        activeByFolder[folder] = plugin;
        var asked = 0;
        foreach (var session in sessions.Where(session => !session.IsFinished))
        {
            asked += session.RequestSwap(plugin.Id, () => (Sdk.Plugins.IPlugin)plugin.CreateInstance(), plugin.Version!, record =>
                reports.Enqueue(record.Succeeded
                    ? $"{plugin.Id}: slot {record.Slot} swapped {record.FromVersion} -> {record.ToVersion} at {record.Time:O}"
                    : $"{plugin.Id}: slot {record.Slot} kept {record.FromVersion}: {record.Error}"));
        }

        if (asked == 0)
        {
            reports.Enqueue($"{plugin.Id} {plugin.Version}: no running slot uses it; new compositions will");
        }
    }

    private void Remove(string folder)
    {
        loadedContent.Remove(folder);
        host.Remove(folder);
        if (!activeByFolder.Remove(folder, out var active))
        {
            return;
        }

        retired.Add(active);
        var other = activeByFolder.Values.FirstOrDefault(plugin => plugin.Id == active.Id);
        if (other is null)
        {
            catalog.Unregister(active.Id);
            reports.Enqueue($"{active.Id} {active.Version}: folder removed; unregistered, unloaded once no slot runs it");
        }
        else
        {
            // Another folder still provides the id: new compositions get that version instead.
            HostedPluginRegistration.Register(other, catalog);
            reports.Enqueue($"{active.Id} {active.Version}: folder removed; {other.Version} from {other.FolderPath} provides it now");
        }
    }

    private bool IsRunning(HostedPlugin plugin) =>
        sessions.Any(session => !session.IsFinished && session.CurrentPluginInstances().Any(plugin.Owns));
}
