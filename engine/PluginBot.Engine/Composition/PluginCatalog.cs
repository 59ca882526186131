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

    /// <summary>Every registered id.</summary>
    public IEnumerable<string> PluginIds => factories.Keys.Order(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="factory"/> under <paramref name="pluginId"/>, replacing any earlier one.</summary>
    /// <param name="pluginId">The id compositions use.</param>
    /// <param name="factory">Creates a new, uninitialised instance.</param>
    /// <param name="version">The plugin's version, recorded with decisions and swaps.</param>
    public void Register(string pluginId, Func<IPlugin> factory, string version = "built-in")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginId);
        factories[pluginId] = factory;
        versions[pluginId] = version;
    }

    /// <summary>Removes a plugin (its folder was deleted); compositions naming it fail to start from now on.</summary>
    public bool Unregister(string pluginId) => factories.Remove(pluginId) | versions.Remove(pluginId);

    /// <summary>The registered version of <paramref name="pluginId"/>.</summary>
    public string VersionOf(string pluginId) =>
        versions.TryGetValue(pluginId, out var version) ? version : throw new KeyNotFoundException($"Plugin '{pluginId}' is not registered.");

    /// <summary>Creates a new instance of the plugin, checking that it is of the kind the composition needs.</summary>
    /// <exception cref="CompositionException">The id is unknown or the plugin is of another kind.</exception>
    public T Create<T>(PluginReference reference, string compositionPath, string jsonPath)
        where T : class, IPlugin
    {
        if (!factories.TryGetValue(reference.PluginId, out var factory))
        {
            throw new CompositionException(compositionPath, $"{jsonPath}.plugin",
                $"unknown plugin '{reference.PluginId}'; known plugins: {string.Join(", ", PluginIds)}");
        }

        var plugin = factory();
        return plugin as T ?? throw new CompositionException(compositionPath, $"{jsonPath}.plugin",
            $"plugin '{reference.PluginId}' is a {plugin.GetType().Name}, not a {typeof(T).Name}");
    }
}
