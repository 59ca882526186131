using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Portfolio;

namespace PluginBot.Engine.Hosting;

/// <summary>The narrow, read-only view of the engine handed to one plugin.</summary>
/// <param name="Clock">The environment clock.</param>
/// <param name="Portfolio">Read-only account view.</param>
/// <param name="Instruments">Instrument rules.</param>
/// <param name="Log">Logger scoped to the plugin.</param>
/// <param name="Settings">The plugin's settings.</param>
public sealed record PluginContext(IClock Clock, IPortfolioView Portfolio, IInstrumentCatalog Instruments, IPluginLogger Log, PluginSettings Settings) : IPluginContext;
