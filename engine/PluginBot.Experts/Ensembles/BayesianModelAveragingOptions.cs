namespace PluginBot.Experts.Ensembles;

/// <summary>Settings of <see cref="BayesianModelAveragingEnsemble"/>.</summary>
public sealed record BayesianModelAveragingOptions
{
    /// <summary>
    /// λ in (0, 1]: each update multiplies the accumulated log-likelihood by λ before adding the new one, so an
    /// observation k updates old counts λ^k. 1 is textbook Bayesian averaging, which in a changing market locks onto
    /// one expert for good; 0.99 remembers roughly the last 100 outcomes.
    /// </summary>
    public double ForgettingFactor { get; init; } = 0.99;

    /// <summary>
    /// The stated probability of being right is clamped to [limit, 1 − limit], in (0, 0.5): a confidence of 1 that
    /// turns out wrong would otherwise have likelihood 0 and erase the expert for good.
    /// </summary>
    public double ProbabilityLimit { get; init; } = 0.01;

    /// <summary>Relative prior weights per expert in roster order, or null for equal priors.</summary>
    public IReadOnlyList<double>? Priors { get; init; }

    /// <summary>Checks the settings against the number of experts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside its range.</exception>
    /// <exception cref="ArgumentException">The priors do not have one entry per expert.</exception>
    public void Validate(int expertCount)
    {
        if (!(ForgettingFactor > 0 && ForgettingFactor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ForgettingFactor), ForgettingFactor, "The forgetting factor must be in (0, 1].");
        }

        if (!(ProbabilityLimit > 0 && ProbabilityLimit < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(ProbabilityLimit), ProbabilityLimit, "The probability limit must be in (0, 0.5).");
        }

        if (Priors is not null && Priors.Count != expertCount)
        {
            throw new ArgumentException($"Expected {expertCount} priors, got {Priors.Count}.", nameof(Priors));
        }
    }
}
