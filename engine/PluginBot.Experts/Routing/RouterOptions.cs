namespace PluginBot.Experts.Routing;

/// <summary>Settings of the regime gate.</summary>
/// <remarks>
/// The defaults never abstain (a top probability of at least 0 and a normalised entropy of at most 1 always hold):
/// a composition opts into abstention by tightening them, because the right level depends on how sharp its regime
/// detector is.
/// </remarks>
public sealed record RouterOptions
{
    /// <summary>Hard or soft gating.</summary>
    public RoutingMode Mode { get; init; } = RoutingMode.Soft;

    /// <summary>
    /// The gate abstains when the most probable regime is less likely than this: the detector does not know which
    /// experts to trust, and guessing spreads risk onto experts outside their regime.
    /// </summary>
    public double MinimumTopProbability { get; init; }

    /// <summary>
    /// The gate abstains when the entropy of the regime probabilities divided by ln 4 (so 0 is certain and 1 is
    /// uniform) exceeds this. It catches estimates that are flat across several regimes even when one leads.
    /// </summary>
    public double MaximumNormalisedEntropy { get; init; } = 1;

    /// <summary>Checks the settings; the router calls this once at construction.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is outside [0, 1] or the mode is unknown.</exception>
    public void Validate()
    {
        if (Mode is not (RoutingMode.Hard or RoutingMode.Soft))
        {
            throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "Unknown routing mode.");
        }

        if (!(MinimumTopProbability >= 0 && MinimumTopProbability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumTopProbability), MinimumTopProbability, "Must be between 0 and 1.");
        }

        if (!(MaximumNormalisedEntropy >= 0 && MaximumNormalisedEntropy <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumNormalisedEntropy), MaximumNormalisedEntropy, "Must be between 0 and 1.");
        }
    }
}
