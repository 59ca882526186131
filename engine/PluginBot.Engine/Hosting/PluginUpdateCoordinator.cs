using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Hosting;
using PluginBot.Hosting.Loading;

namespace PluginBot.Engine.Hosting;

/// <summary>
/// Turns settled plugin-folder changes into engine actions while sessions run: an added or replaced folder is
/// loaded and validated by the host, registered for new compositions, and hot-swapped into every running slot
/// that uses its id; a version that fails to load leaves the running one in place and is reported. A swapped-out
/// version is released (unloaded, with its collection verified) on a later call, once no stack still holds it.
/// A removed folder is unregistered at once and unloaded as soon as no slot runs it.
/// </summary>
public sealed class PluginUpdateCoordinator
{
    private readonly PluginHost host;
    private readonly PluginCatalog catalog;
    private readonly List<BacktestSession> sessions = [];
    private readonly Dictionary<string, HostedPlugin> running = new(StringComparer.Ordinal);
    private readonly List<HostedPlugin> retired = [];
    private readonly Dictionary<string, string> loadedContent = new(StringComparer.Ordinal);
    private int swapsInFlight;
    private readonly List<string> reports = [];
    private readonly object gate = new();

    /// <summary>Coordinates <paramref name="host"/>'s loads with <paramref name="catalog"/> and the attached sessions.</summary>
    public PluginUpdateCoordinator(PluginHost host, PluginCatalog catalog)
    {
        this.host = host;
        this.catalog = catalog;
        foreach (var plugin in host.Plugins.Where(p => p.State == PluginState.Loaded))
        {
            running[plugin.Id] = plugin;
            loadedContent[plugin.FolderPath] = PluginContentHash.Compute(plugin.FolderPath);
        }
    }

    /// <summary>What happened, in order: loads, refusals, swaps and releases.</summary>
    public IReadOnlyList<string> Reports
    {
        get
        {
            lock (gate)
            {
                return reports.ToList();
            }
        }
    }

    /// <summary>Versions released so far whose load context was verified collected.</summary>
    public int ReleasedAndCollected { get; private set; }

    /// <summary>Versions released whose load context something still held.</summary>
    public int ReleasedButNotCollected { get; private set; }

    /// <summary>Lets swaps reach <paramref name="session"/>'s slots.</summary>
    public void Attach(BacktestSession session)
    {
        lock (gate)
        {
            sessions.Add(session);
        }
    }

    /// <summary>Acts on one settled folder change (call it from the watcher's <see cref="PluginDirectoryWatcher.Changed"/>).</summary>
    public void Handle(PluginFolderChange change)
    {
        lock (gate)
        {
            ReleaseRetired();
            if (change.Kind == PluginFolderChangeKind.Removed)
            {
                Remove(change.FolderPath);
                return;
            }

            // The first poll reports every folder as added, and a touch without a real change looks like one:
            // a folder whose content is what is already loaded needs nothing.
            var content = PluginContentHash.Compute(change.FolderPath);
            if (loadedContent.TryGetValue(Path.GetFullPath(change.FolderPath), out var known) && known == content)
            {
                return;
            }

            var plugin = host.Load(change.FolderPath);
            loadedContent[plugin.FolderPath] = content;
            if (plugin.State != PluginState.Loaded)
            {
                reports.Add($"{plugin.Id}: {plugin.State}, the running version stays: {plugin.Errors.FirstOrDefault()}");
                return;
            }

            HostedPluginRegistration.Register(plugin, catalog);
            running.TryGetValue(plugin.Id, out var previous);
            running[plugin.Id] = plugin;
            reports.Add($"{plugin.Id} {plugin.Version}: loaded from {plugin.FolderPath}");
            var asked = 0;
            foreach (var session in sessions)
            {
                asked += session.RequestSwap(plugin.Id, () => (Sdk.Plugins.IPlugin)plugin.CreateInstance(), plugin.Version!, record =>
                {
                    lock (gate)
                    {
                        swapsInFlight--;
                        reports.Add(record.Succeeded
                            ? $"{plugin.Id}: slot {record.Slot} swapped {record.FromVersion} -> {record.ToVersion} at {record.Time:O}"
                            : $"{plugin.Id}: slot {record.Slot} kept {record.FromVersion}: {record.Error}");
                    }
                });
            }

            swapsInFlight += asked;
            if (previous is not null && !ReferenceEquals(previous, plugin))
            {
                // Released on a later call: the swap that retires it has not happened yet, or its stack still holds it.
                retired.Add(previous);
            }

            if (asked == 0)
            {
                reports.Add($"{plugin.Id} {plugin.Version}: no running slot uses it; new compositions will");
            }
        }
    }

    /// <summary>Unloads the versions swapped out by earlier changes and verifies each was collected.</summary>
    public void ReleaseRetired()
    {
        lock (gate)
        {
            if (swapsInFlight > 0)
            {
                // A swap not yet applied (or applying now) may still hand a retired version back: wait for it.
                return;
            }

            foreach (var plugin in retired.Where(p => !IsRunning(p)).ToList())
            {
                retired.Remove(plugin);
                if (PluginHost.Release(plugin))
                {
                    ReleasedAndCollected++;
                    reports.Add($"{plugin.Id} {plugin.Version}: unloaded, load context collected");
                }
                else
                {
                    ReleasedButNotCollected++;
                    reports.Add($"{plugin.Id} {plugin.Version}: unloaded, but its load context is still referenced");
                }
            }
        }
    }

    private void Remove(string folder)
    {
        loadedContent.Remove(Path.GetFullPath(folder));
        var plugin = host.Remove(folder);
        if (plugin is null)
        {
            return;
        }

        catalog.Unregister(plugin.Id);
        running.Remove(plugin.Id);
        retired.Add(plugin);
        reports.Add($"{plugin.Id}: folder removed; unregistered, unloaded once no slot runs it");
    }

    private bool IsRunning(HostedPlugin plugin) =>
        sessions.Any(session => session.CurrentPluginInstances().Any(plugin.Owns));
}
