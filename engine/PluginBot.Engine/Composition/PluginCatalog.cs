using PluginBot.Sdk.Plugins;

namespace PluginBot.Engine.Composition;

/// <summary>
/// Maps plugin ids used in compositions to factories. Built-in plugins register here; the plugin host adds
/// the ones it loads from the plugins folder.
/// </summary>
public sealed class PluginCatalog
{
    private readonly Dictionary<string, Func<IPlugin>> factories = new(StringComparer.Ordinal);

    /// <summary>Every registered id.</summary>
    public IEnumerable<string> PluginIds => factories.Keys.Order(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="factory"/> under <paramref name="pluginId"/>, replacing any earlier one.</summary>
    public void Register(string pluginId, Func<IPlugin> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginId);
        factories[pluginId] = factory;
    }

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
