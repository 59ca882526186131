using PluginBot.Hosting.Loading;

namespace PluginBot.Hosting.Tests.Fixtures;

/// <summary>Turns a built fixture plugin folder into the loader's request, the way the host does from a manifest.</summary>
public static class FixtureLoadRequests
{
    /// <summary>A request for <paramref name="plugin"/> built into <paramref name="folder"/>, with its shadow copies below <paramref name="shadowRoot"/>.</summary>
    public static PluginAssemblyLoadRequest For(FixturePlugin plugin, string folder, Type expectedInterface, string shadowRoot) =>
        new(plugin.PluginId, plugin.Version, folder, plugin.AssemblyFileName, plugin.EntryTypeName, expectedInterface, shadowRoot);
}
