using PluginBot.Sdk.Plugins;

namespace PluginBot.Hosting.Manifest;

/// <summary>
/// The SDK this host runs. Plugins are checked against the version of the PluginBot.Sdk assembly actually loaded,
/// not a constant, so the check cannot drift from the contracts that plugins will really be bound to.
/// </summary>
public static class HostSdk
{
    /// <summary>The assembly version of the loaded PluginBot.Sdk, for example 1.0.0.0.</summary>
    public static Version Version { get; } =
        typeof(IPlugin).Assembly.GetName().Version
        ?? throw new InvalidOperationException("the PluginBot.Sdk assembly carries no version");
}
