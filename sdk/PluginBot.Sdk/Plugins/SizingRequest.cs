using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Regimes;
using PluginBot.Sdk.Signals;

namespace PluginBot.Sdk.Plugins;

/// <summary>What a position sizer needs to size one decision.</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Signal">The decision being sized.</param>
/// <param name="ReferencePrice">The price the engine expects to trade near (last close).</param>
/// <param name="Rules">The instrument's trading rules; sizes must respect them.</param>
public readonly record struct SizingRequest(string Symbol, Signal Signal, decimal ReferencePrice, InstrumentRules Rules)
{
    /// <summary>
    /// The regime the composition's detector sees for the symbol, when the composition has one; null otherwise.
    /// A regime-adaptive sizer takes less risk in regimes where its strategy is known to do badly.
    /// </summary>
    public RegimeEstimate? Regime { get; init; }
}
