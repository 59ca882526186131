using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.Ensembles;

/// <summary>
/// Weighted voting with fixed expert weights (equal unless configured): the baseline every learning ensemble must
/// beat, and the right choice when there is too little history to learn from.
/// </summary>
/// <remarks>Combination is <see cref="WeightedVote"/>; <see cref="Learn"/> leaves the weights unchanged.</remarks>
public sealed class WeightedVotingEnsemble : IEnsemble
{
    private readonly double[] weights;

    /// <summary>Creates an ensemble giving every expert the same weight.</summary>
    public WeightedVotingEnsemble(int expertCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expertCount);
        weights = new double[expertCount];
        Array.Fill(weights, 1.0 / expertCount);
    }

    /// <summary>Creates an ensemble with fixed relative weights, normalised to sum to 1.</summary>
    /// <exception cref="ArgumentException">A weight is negative or not finite, or all are zero.</exception>
    public WeightedVotingEnsemble(IReadOnlyList<double> expertWeights)
    {
        ArgumentNullException.ThrowIfNull(expertWeights);
        weights = WeightVector.Normalised(expertWeights, nameof(expertWeights));
    }

    /// <inheritdoc />
    public int ExpertCount => weights.Length;

    /// <inheritdoc />
    public ReadOnlySpan<double> Weights => weights;

    /// <inheritdoc />
    public EnsembleVote Combine(ReadOnlySpan<Signal> signals, ReadOnlySpan<double> gateWeights) =>
        WeightedVote.Combine(signals, gateWeights, weights);

    /// <inheritdoc />
    public void Learn(ReadOnlySpan<Signal> signals, ReadOnlySpan<double> gateWeights, int realisedDirection) =>
        ExpertJudgement.RequireLengths(weights.Length, signals, gateWeights);
}
