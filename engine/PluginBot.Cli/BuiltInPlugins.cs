using PluginBot.Engine.Composition;
using PluginBot.Plugins.EmaCross;
using PluginBot.Plugins.FixedFractionSizer;

namespace PluginBot.Cli;

/// <summary>The plugins that ship with PluginBot, registered by id until the plugin host loads them from the plugins folder.</summary>
internal static class BuiltInPlugins
{
    public static PluginCatalog CreateCatalog()
    {
        var catalog = new PluginCatalog();
        catalog.Register("ema-cross", () => new EmaCrossStrategy());
        catalog.Register("fixed-fraction", () => new FixedFractionSizer());
        return catalog;
    }
}
