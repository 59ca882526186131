using PluginBot.Sdk.Regimes;

namespace PluginBot.Engine.Composition;

/// <summary>One expert of a committee composition: which plugin, with which settings, serving which regimes.</summary>
/// <param name="Plugin">The expert plugin and its settings.</param>
/// <param name="Regimes">The regimes whose expert set it belongs to; all regimes when the composition names none.</param>
/// <param name="Weight">Its prior weight in the ensemble (positive).</param>
/// <param name="RiskBudget">
/// The <c>riskBudget</c>: the most of the account's equity, in (0, 1], that the part of a position attributable to
/// this expert may represent; null for no limit. Lets a new or risky model trade inside the committee with a cap of
/// its own instead of capping every expert.
/// </param>
public sealed record ExpertReference(PluginReference Plugin, IReadOnlyList<MarketRegime> Regimes, double Weight, double? RiskBudget = null);
