using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.Ensembles;

/// <summary>
/// Weighted majority in the Littlestone–Warmuth style: every expert starts with the same weight, and each time an
/// expert's direction turns out wrong its weight is multiplied by β. Trust moves quickly to whoever has been right
/// lately, which suits experts whose edge comes and goes with the market.
/// </summary>
/// <remarks>
/// <para>Combination is <see cref="WeightedVote"/> with the learnt weights (confidence included).</para>
/// <para>
/// An update, for a realised direction s ≠ 0: each judged expert (Long or Short with a positive gate weight, see
/// <see cref="Learn"/>) whose direction differs from s has w ← β w; if anyone was wrong, w is normalised to sum to 1,
/// every weight below the floor m is raised to m, and w is normalised again. The final weight is therefore at least
/// m ÷ (1 + n m) &gt; 0 for n experts, so nobody reaches zero. Right experts and non-judged experts keep their raw
/// weight, gaining only through the normalisation.
/// </para>
/// </remarks>
public sealed class DynamicWeightedMajorityEnsemble : IEnsemble
{
    private readonly double[] weights;
    private readonly DynamicWeightedMajorityOptions options;

    /// <summary>Creates the ensemble with equal starting weights.</summary>
    public DynamicWeightedMajorityEnsemble(int expertCount, DynamicWeightedMajorityOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expertCount);
        this.options = options ?? new DynamicWeightedMajorityOptions();
        this.options.Validate(expertCount);
        weights = new double[expertCount];
        Array.Fill(weights, 1.0 / expertCount);
    }

    /// <inheritdoc />
    public int ExpertCount => weights.Length;

    /// <inheritdoc />
    public ReadOnlySpan<double> Weights => weights;

    /// <summary>The settings in use.</summary>
    public DynamicWeightedMajorityOptions Options => options;

    /// <inheritdoc />
    public EnsembleVote Combine(ReadOnlySpan<Signal> signals, ReadOnlySpan<double> gateWeights) =>
        WeightedVote.Combine(signals, gateWeights, weights);

    /// <inheritdoc />
    public void Learn(ReadOnlySpan<Signal> signals, ReadOnlySpan<double> gateWeights, int realisedDirection)
    {
        ExpertJudgement.RequireLengths(weights.Length, signals, gateWeights);
        var realised = Math.Sign(realisedDirection);
        if (realised == 0)
        {
            return;
        }

        var anyWrong = false;
        for (var expert = 0; expert < weights.Length; expert++)
        {
            var judged = ExpertJudgement.JudgedDirection(signals[expert], gateWeights[expert]);
            if (judged != 0 && judged != realised)
            {
                weights[expert] *= options.Penalty;
                anyWrong = true;
            }
        }

        if (!anyWrong)
        {
            return;
        }

        WeightVector.Scale(weights, WeightVector.Sum(weights));
        for (var expert = 0; expert < weights.Length; expert++)
        {
            weights[expert] = Math.Max(weights[expert], options.MinimumWeight);
        }

        WeightVector.Scale(weights, WeightVector.Sum(weights));
    }
}
