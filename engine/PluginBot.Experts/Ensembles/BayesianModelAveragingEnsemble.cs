using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.Ensembles;

/// <summary>
/// Bayesian model averaging over the experts: each expert is a model of the next direction, and its weight is its
/// posterior probability given the directions seen so far. Unlike weighted majority it rewards calibrated
/// confidence: a confident expert gains more when right and loses more when wrong than a hesitant one.
/// </summary>
/// <remarks>
/// <para>Combination is <see cref="WeightedVote"/> with the posterior weights.</para>
/// <para>
/// Likelihood of a realised direction s ≠ 0 under expert e: a judged expert (Long or Short with a positive gate
/// weight) states p = (1 + confidence) ÷ 2 (<see cref="ConfidenceProbability"/>), clamped to [ε, 1 − ε]; its
/// likelihood is p when its direction equals s and 1 − p otherwise. Any other expert stated no direction and is a
/// coin flip, likelihood ½.
/// </para>
/// <para>
/// Kept in log space: ℓ_e ← λ ℓ_e + ln L_e, then w_e = exp(ln π_e + ℓ_e − max) ÷ Σ, with π the priors and λ the
/// forgetting factor. Forgetting shrinks ℓ toward 0, so the weights drift back toward the priors and an expert
/// that was wrong for a while can recover. s = 0 leaves everything unchanged (no information, and no forgetting).
/// </para>
/// </remarks>
public sealed class BayesianModelAveragingEnsemble : IEnsemble
{
    private readonly double[] logPriors;
    private readonly double[] logLikelihoods;
    private readonly double[] weights;
    private readonly BayesianModelAveragingOptions options;

    /// <summary>Creates the ensemble; before any outcome its weights are the priors.</summary>
    public BayesianModelAveragingEnsemble(int expertCount, BayesianModelAveragingOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expertCount);
        this.options = options ?? new BayesianModelAveragingOptions();
        this.options.Validate(expertCount);
        var priors = this.options.Priors is { } configured
            ? WeightVector.Normalised(configured, nameof(options))
            : Enumerable.Repeat(1.0 / expertCount, expertCount).ToArray();

        logPriors = new double[expertCount];
        for (var expert = 0; expert < expertCount; expert++)
        {
            // A zero prior stays zero: ln 0 = −∞ and exp(−∞) = 0, which the normalisation below handles.
            logPriors[expert] = Math.Log(priors[expert]);
        }

        logLikelihoods = new double[expertCount];
        weights = new double[expertCount];
        UpdateWeights();
    }

    /// <inheritdoc />
    public int ExpertCount => weights.Length;

    /// <inheritdoc />
    public ReadOnlySpan<double> Weights => weights;

    /// <summary>The accumulated (forgotten) log-likelihood per expert; shown for audit and tests.</summary>
    public ReadOnlySpan<double> LogLikelihoods => logLikelihoods;

    /// <summary>The settings in use.</summary>
    public BayesianModelAveragingOptions Options => options;

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

        var limit = options.ProbabilityLimit;
        for (var expert = 0; expert < weights.Length; expert++)
        {
            var judged = ExpertJudgement.JudgedDirection(signals[expert], gateWeights[expert]);
            double likelihood = 0.5;
            if (judged != 0)
            {
                var right = Math.Clamp(ConfidenceProbability.OfCorrectDirection(signals[expert].Confidence), limit, 1 - limit);
                likelihood = judged == realised ? right : 1 - right;
            }

            logLikelihoods[expert] = (options.ForgettingFactor * logLikelihoods[expert]) + Math.Log(likelihood);
        }

        UpdateWeights();
    }

    private void UpdateWeights()
    {
        var maximum = double.NegativeInfinity;
        for (var expert = 0; expert < weights.Length; expert++)
        {
            maximum = Math.Max(maximum, logPriors[expert] + logLikelihoods[expert]);
        }

        // Subtracting the maximum keeps exp() in range however long the history: the largest term is exp(0) = 1.
        var total = 0.0;
        for (var expert = 0; expert < weights.Length; expert++)
        {
            weights[expert] = Math.Exp(logPriors[expert] + logLikelihoods[expert] - maximum);
            total += weights[expert];
        }

        WeightVector.Scale(weights, total);
    }
}
