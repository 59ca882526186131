namespace PluginBot.Experts;

/// <summary>Why a committee decision holds instead of trading; every abstention names one.</summary>
public enum AbstentionReason
{
    /// <summary>The committee did not abstain.</summary>
    None = 0,

    /// <summary>The most probable regime was below <see cref="Routing.RouterOptions.MinimumTopProbability"/>.</summary>
    LowRegimeProbability = 1,

    /// <summary>The regime probabilities were flatter than <see cref="Routing.RouterOptions.MaximumNormalisedEntropy"/> allows.</summary>
    HighRegimeEntropy = 2,

    /// <summary>The gate sent all its weight to regimes no expert serves.</summary>
    NoExpertsForRegime = 3,

    /// <summary>Every expert the gate weighted held (abstained), so nobody voted.</summary>
    NoVotes = 4,

    /// <summary>Long and short votes cancelled exactly and nobody voted flat.</summary>
    Tie = 5,

    /// <summary>The experts disagreed more than <see cref="Committees.CommitteeOptions.MaximumDisagreement"/> allows.</summary>
    HighDisagreement = 6,

    /// <summary>The final confidence fell below <see cref="Committees.CommitteeOptions.MinimumConfidence"/>.</summary>
    LowConfidence = 7,
}
