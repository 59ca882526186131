using PluginBot.Sdk.Configuration;

namespace PluginBot.Engine.Composition;

/// <summary>A plugin named in a composition with its settings.</summary>
/// <param name="PluginId">The plugin's id, for example "ema-cross".</param>
/// <param name="Settings">Its settings object.</param>
public sealed record PluginReference(string PluginId, PluginSettings Settings);
