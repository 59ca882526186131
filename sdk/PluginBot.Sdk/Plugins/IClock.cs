namespace PluginBot.Sdk.Plugins;

/// <summary>
/// The only source of time for plugins. In a backtest it is the simulated time of the event being handled,
/// live it is the wall clock; a plugin that reads <see cref="DateTime.UtcNow"/> instead breaks reproducibility.
/// </summary>
public interface IClock
{
    /// <summary>The current UTC time of the environment.</summary>
    DateTime UtcNow { get; }
}
