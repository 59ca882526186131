using PluginBot.Hosting;
using PluginBot.Hosting.Manifest;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Engine.Composition;

/// <summary>
/// Makes the plugins a <see cref="PluginHost"/> loaded available to compositions: a loaded plugin is registered
/// with its version and its settings schema (checked, defaults filled in); a refused or faulted one is registered
/// as unavailable with its first error, so a composition that names it says why it cannot start.
/// </summary>
public static class HostedPluginRegistration
{
    /// <summary>Registers every plugin of <paramref name="plugins"/> into <paramref name="catalog"/>.</summary>
    public static void RegisterAll(IEnumerable<HostedPlugin> plugins, PluginCatalog catalog)
    {
        foreach (var plugin in plugins)
        {
            Register(plugin, catalog);
        }
    }

    /// <summary>Registers one plugin (replacing an earlier registration of its id).</summary>
    public static void Register(HostedPlugin plugin, PluginCatalog catalog)
    {
        if (plugin.State != PluginState.Loaded || plugin.Manifest is not { } manifest)
        {
            catalog.RegisterUnavailable(plugin.Id, $"{plugin.State}: {plugin.Errors.FirstOrDefault() ?? "no error recorded"}");
            return;
        }

        var schema = PluginSettingsSchema.For(manifest);
        catalog.Register(
            manifest.Id,
            () => (IPlugin)plugin.CreateInstance(),
            manifest.Version,
            settings => new PluginSettings(schema.Resolve(settings.Json, settings.Path).GetSettingsOrThrow(), settings.Path, settings.BaseDirectory));
    }
}
