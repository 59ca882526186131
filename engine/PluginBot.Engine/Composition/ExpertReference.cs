using PluginBot.Sdk.Regimes;

namespace PluginBot.Engine.Composition;

/// <summary>One expert of a committee composition: which plugin, with which settings, serving which regimes.</summary>
/// <param name="Plugin">The expert plugin and its settings.</param>
/// <param name="Regimes">The regimes whose expert set it belongs to; all regimes when the composition names none.</param>
/// <param name="Weight">Its prior weight in the ensemble (positive).</param>
public sealed record ExpertReference(PluginReference Plugin, IReadOnlyList<MarketRegime> Regimes, double Weight);
