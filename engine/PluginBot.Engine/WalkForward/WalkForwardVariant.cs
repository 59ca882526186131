using PluginBot.Engine.Composition;

namespace PluginBot.Engine.WalkForward;

/// <summary>One contender in a walk-forward comparison: a composition, or one of its experts alone.</summary>
/// <param name="Name">How the variant is named in the report.</param>
/// <param name="Composition">What runs; null for buy-and-hold, which is computed from the bars.</param>
public sealed record WalkForwardVariant(string Name, StrategyComposition? Composition)
{
    /// <summary>The buy-and-hold benchmark's name in reports.</summary>
    public const string BuyAndHoldName = "buy-and-hold";

    /// <summary>
    /// The composition itself, then each of its experts alone (no regime routing, the same sizer, risk and exits),
    /// then buy-and-hold: what a mixture of experts must beat to be worth its complexity.
    /// </summary>
    public static IReadOnlyList<WalkForwardVariant> For(StrategyComposition composition)
    {
        var variants = new List<WalkForwardVariant> { new(composition.Name, composition) };
        if (composition.Committee is { Experts.Count: > 1 } committee)
        {
            foreach (var expert in committee.Experts)
            {
                var alone = committee with
                {
                    Regime = null,
                    Experts = [expert with { Regimes = Enum.GetValues<PluginBot.Sdk.Regimes.MarketRegime>() }],
                };
                // Alone means alone: no candidate set either (an A/B experiment would trade some decisions with other experts).
                variants.Add(new WalkForwardVariant($"only {expert.Plugin.PluginId}", composition with { Committee = alone, Experiment = null }));
            }
        }

        variants.Add(new WalkForwardVariant(BuyAndHoldName, null));
        return variants;
    }
}
