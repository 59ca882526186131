using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Portfolio;

namespace PluginBot.Sdk.Plugins;

/// <summary>
/// Everything a plugin may see of the engine: deliberately narrow and read-only, so a plugin can be swapped,
/// faulted or unloaded without touching engine state.
/// </summary>
public interface IPluginContext
{
    /// <summary>The environment's clock; the only time source a plugin may use.</summary>
    IClock Clock { get; }

    /// <summary>Cash, equity and positions, read-only.</summary>
    IPortfolioView Portfolio { get; }

    /// <summary>Tick size, lot size and minimums per symbol.</summary>
    IInstrumentCatalog Instruments { get; }

    /// <summary>A logger scoped to this plugin.</summary>
    IPluginLogger Log { get; }

    /// <summary>The plugin's own settings from the strategy composition.</summary>
    PluginSettings Settings { get; }

    /// <summary>Slippage, fill latency and recent outcomes measured from the engine's own executions.</summary>
    IExecutionQualityView ExecutionQuality => ExecutionQualityView.Empty;
}
