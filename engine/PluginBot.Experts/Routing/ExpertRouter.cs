using PluginBot.Sdk.Regimes;

namespace PluginBot.Experts.Routing;

/// <summary>
/// The mixture-of-experts gate: turns regime probabilities into one gate weight per expert and says when the
/// regime estimate is too unsure to trade on.
/// </summary>
/// <remarks>
/// Gate weights are always written, even when the router abstains, so the decision record shows what the gate
/// would have done. Without a regime estimate (a composition with no detector) every expert gets the same weight
/// and the router never abstains: the committee is then a plain ensemble.
/// </remarks>
public sealed class ExpertRouter
{
    private static readonly double LogRegimeCount = Math.Log(ExpertSets.RegimeCount);

    private readonly ExpertSets sets;
    private readonly RouterOptions options;

    /// <summary>Creates a router over a roster.</summary>
    public ExpertRouter(ExpertSets expertSets, RouterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(expertSets);
        sets = expertSets;
        this.options = options ?? new RouterOptions();
        this.options.Validate();
    }

    /// <summary>The roster routed over.</summary>
    public ExpertSets ExpertSets => sets;

    /// <summary>The gate settings.</summary>
    public RouterOptions Options => options;

    /// <summary>
    /// Writes the gate weight of every expert (summing to 1, or all 0 when no expert serves the chosen regimes) and
    /// returns why the gate abstains, or <see cref="AbstentionReason.None"/>.
    /// </summary>
    /// <param name="regime">The regime probabilities, or null when the composition has no detector.</param>
    /// <param name="gateWeights">One slot per expert, in roster order; overwritten.</param>
    /// <exception cref="ArgumentException"><paramref name="gateWeights"/> is not one slot per expert.</exception>
    public AbstentionReason Route(RegimeEstimate? regime, Span<double> gateWeights)
    {
        if (gateWeights.Length != sets.ExpertCount)
        {
            throw new ArgumentException($"Expected {sets.ExpertCount} gate weights, got {gateWeights.Length}.", nameof(gateWeights));
        }

        if (regime is not { } estimate)
        {
            gateWeights.Fill(1.0 / gateWeights.Length);
            return AbstentionReason.None;
        }

        var total = options.Mode == RoutingMode.Hard ? RouteHard(estimate, gateWeights) : RouteSoft(estimate, gateWeights);

        if (estimate[estimate.MostLikely] < options.MinimumTopProbability)
        {
            return AbstentionReason.LowRegimeProbability;
        }

        if (NormalisedEntropy(estimate) > options.MaximumNormalisedEntropy)
        {
            return AbstentionReason.HighRegimeEntropy;
        }

        return total > 0 ? AbstentionReason.None : AbstentionReason.NoExpertsForRegime;
    }

    /// <summary>
    /// The Shannon entropy of the regime probabilities divided by ln 4: 0 when one regime is certain, 1 when all four
    /// are equally likely. Dividing by the maximum makes the threshold independent of how many regimes there are.
    /// </summary>
    public static double NormalisedEntropy(RegimeEstimate regime)
    {
        var entropy = 0.0;
        for (var index = MarketRegime.HighVolatility; index <= MarketRegime.Ranging; index++)
        {
            var probability = regime[index];
            if (probability > 0)
            {
                // 0 × ln 0 is taken as its limit, 0.
                entropy -= probability * Math.Log(probability);
            }
        }

        return entropy / LogRegimeCount;
    }

    private double RouteHard(RegimeEstimate estimate, Span<double> gateWeights)
    {
        var top = estimate.MostLikely;
        var members = sets.CountServing(top);
        for (var expert = 0; expert < gateWeights.Length; expert++)
        {
            gateWeights[expert] = members > 0 && sets.Serves(expert, top) ? 1.0 / members : 0;
        }

        return members;
    }

    private double RouteSoft(RegimeEstimate estimate, Span<double> gateWeights)
    {
        var total = 0.0;
        for (var expert = 0; expert < gateWeights.Length; expert++)
        {
            var mass = 0.0;
            for (var regime = MarketRegime.HighVolatility; regime <= MarketRegime.Ranging; regime++)
            {
                if (sets.Serves(expert, regime))
                {
                    mass += estimate[regime];
                }
            }

            gateWeights[expert] = mass;
            total += mass;
        }

        if (total > 0)
        {
            for (var expert = 0; expert < gateWeights.Length; expert++)
            {
                gateWeights[expert] /= total;
            }
        }

        return total;
    }
}
