namespace PluginBot.Sdk.Plugins;

/// <summary>The part every plugin shares: it is handed its context once, before its first event.</summary>
public interface IPlugin
{
    /// <summary>
    /// Called once before the first event. Read settings here and throw a
    /// <see cref="Configuration.PluginSettingsException"/> for bad ones: the engine then refuses the plugin and keeps what ran before.
    /// </summary>
    void Initialize(IPluginContext context);
}
