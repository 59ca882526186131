using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Engine.Composition;

/// <summary>
/// Maps plugin ids used in compositions to factories. Built-in plugins register here; the plugin host adds
/// the ones it loads from the plugins folder.
/// </summary>
public sealed class PluginCatalog
{
    private readonly Dictionary<string, Func<IPlugin>> factories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<PluginSettings, PluginSettings>> settingsResolvers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> unavailable = new(StringComparer.Ordinal);

    // A watcher thread registers new versions while compositions are being built on others.
    private readonly object gate = new();

    /// <summary>Every registered id.</summary>
    public IEnumerable<string> PluginIds
    {
        get
        {
            lock (gate)
            {
                return factories.Keys.Order(StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>Registers <paramref name="factory"/> under <paramref name="pluginId"/>, replacing any earlier one.</summary>
    /// <param name="pluginId">The id compositions use.</param>
    /// <param name="factory">Creates a new, uninitialised instance.</param>
    /// <param name="version">The plugin's version, recorded with decisions and swaps.</param>
    /// <param name="resolveSettings">Checks a composition's settings against the plugin's own schema and fills in its defaults; null takes them as written.</param>
    public void Register(string pluginId, Func<IPlugin> factory, string version = "built-in", Func<PluginSettings, PluginSettings>? resolveSettings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginId);
        lock (gate)
        {
            factories[pluginId] = factory;
            versions[pluginId] = version;
            unavailable.Remove(pluginId);
            if (resolveSettings is null)
            {
                settingsResolvers.Remove(pluginId);
            }
            else
            {
                settingsResolvers[pluginId] = resolveSettings;
            }
        }
    }

    /// <summary>Records that a plugin exists but cannot be used (refused or faulted), so a composition naming it is told why.</summary>
    public void RegisterUnavailable(string pluginId, string reason)
    {
        lock (gate)
        {
            if (!factories.ContainsKey(pluginId))
            {
                unavailable[pluginId] = reason;
            }
        }
    }

    /// <summary>The settings a plugin instance receives: checked against its schema, with defaults filled in.</summary>
    /// <exception cref="PluginSettingsException">A setting breaks the plugin's schema; the message names its path.</exception>
    public PluginSettings ResolveSettings(PluginReference reference)
    {
        Func<PluginSettings, PluginSettings>? resolve;
        lock (gate)
        {
            settingsResolvers.TryGetValue(reference.PluginId, out resolve);
        }

        return resolve is null ? reference.Settings : resolve(reference.Settings);
    }

    /// <summary>Removes a plugin (its folder was deleted); compositions naming it fail to start from now on.</summary>
    public bool Unregister(string pluginId)
    {
        lock (gate)
        {
            settingsResolvers.Remove(pluginId);
            return factories.Remove(pluginId) | versions.Remove(pluginId);
        }
    }

    /// <summary>The registered version of <paramref name="pluginId"/>.</summary>
    public string VersionOf(string pluginId)
    {
        lock (gate)
        {
            return versions.TryGetValue(pluginId, out var version) ? version : throw new KeyNotFoundException($"Plugin '{pluginId}' is not registered.");
        }
    }

    /// <summary>The factory of <paramref name="pluginId"/>, for a swap requested by id (the slot checks the kind).</summary>
    /// <exception cref="KeyNotFoundException">The id is unknown or unusable; the message lists the known ids.</exception>
    public Func<IPlugin> FactoryFor(string pluginId)
    {
        lock (gate)
        {
            if (unavailable.TryGetValue(pluginId, out var reason))
            {
                throw new KeyNotFoundException($"plugin '{pluginId}' cannot be used: {reason}");
            }

            return factories.TryGetValue(pluginId, out var factory)
                ? factory
                : throw new KeyNotFoundException($"unknown plugin '{pluginId}'; known plugins: {string.Join(", ", factories.Keys.Order(StringComparer.Ordinal))}");
        }
    }

    /// <summary>Creates a new instance of the plugin, checking that it is of the kind the composition needs.</summary>
    /// <exception cref="CompositionException">The id is unknown or the plugin is of another kind.</exception>
    public T Create<T>(PluginReference reference, string compositionPath, string jsonPath)
        where T : class, IPlugin
    {
        Func<IPlugin>? factory;
        string? reason;
        lock (gate)
        {
            unavailable.TryGetValue(reference.PluginId, out reason);
            factories.TryGetValue(reference.PluginId, out factory);
        }

        if (reason is not null)
        {
            throw new CompositionException(compositionPath, $"{jsonPath}.plugin", $"plugin '{reference.PluginId}' cannot be used: {reason}");
        }

        if (factory is null)
        {
            throw new CompositionException(compositionPath, $"{jsonPath}.plugin",
                $"unknown plugin '{reference.PluginId}'; known plugins: {string.Join(", ", PluginIds)}");
        }

        var plugin = factory();
        return plugin as T ?? throw new CompositionException(compositionPath, $"{jsonPath}.plugin",
            $"plugin '{reference.PluginId}' is a {plugin.GetType().Name}, not a {typeof(T).Name}");
    }
}
