namespace PluginBot.Experts.Comparison;

/// <summary>
/// Wald's sequential probability ratio test on a hit rate: H0 says hits come with probability p0, H1 with p1.
/// It reads decisions one at a time and stops as soon as the evidence is strong enough, which on live traffic
/// usually needs far fewer decisions than a fixed-size test with the same error rates.
/// </summary>
/// <remarks>
/// <para>
/// The log-likelihood ratio Λ starts at 0 and adds ln(p1 ÷ p0) per hit and ln((1 − p1) ÷ (1 − p0)) per miss.
/// The test accepts H1 when Λ ≥ ln((1 − β) ÷ α) and H0 when Λ ≤ ln(β ÷ (1 − α)), with α the probability of
/// accepting H1 when H0 holds and β that of accepting H0 when H1 holds (Wald's approximate boundaries).
/// </para>
/// <para>
/// The first crossing is final: later observations are ignored, because continuing past a boundary and stopping
/// later would change the error rates the boundaries were set for.
/// </para>
/// </remarks>
public sealed class SequentialProbabilityRatioTest
{
    private readonly double hitStep;
    private readonly double missStep;

    /// <summary>Creates a test.</summary>
    /// <param name="nullHitRate">p0, the hit rate under H0, in (0, 1).</param>
    /// <param name="alternativeHitRate">p1, the hit rate under H1, in (0, 1) and different from p0.</param>
    /// <param name="falsePositiveRate">α, in (0, 1).</param>
    /// <param name="falseNegativeRate">β, in (0, 1), with α + β &lt; 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public SequentialProbabilityRatioTest(double nullHitRate, double alternativeHitRate, double falsePositiveRate, double falseNegativeRate)
    {
        RequireOpenUnit(nullHitRate, nameof(nullHitRate));
        RequireOpenUnit(alternativeHitRate, nameof(alternativeHitRate));
        RequireOpenUnit(falsePositiveRate, nameof(falsePositiveRate));
        RequireOpenUnit(falseNegativeRate, nameof(falseNegativeRate));
        if (nullHitRate == alternativeHitRate)
        {
            throw new ArgumentOutOfRangeException(nameof(alternativeHitRate), alternativeHitRate, "p1 must differ from p0.");
        }

        if (falsePositiveRate + falseNegativeRate >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(falseNegativeRate), falseNegativeRate, "α + β must be below 1.");
        }

        NullHitRate = nullHitRate;
        AlternativeHitRate = alternativeHitRate;
        FalsePositiveRate = falsePositiveRate;
        FalseNegativeRate = falseNegativeRate;
        hitStep = Math.Log(alternativeHitRate / nullHitRate);
        missStep = Math.Log((1 - alternativeHitRate) / (1 - nullHitRate));
        UpperBound = Math.Log((1 - falseNegativeRate) / falsePositiveRate);
        LowerBound = Math.Log(falseNegativeRate / (1 - falsePositiveRate));
    }

    /// <summary>p0.</summary>
    public double NullHitRate { get; }

    /// <summary>p1.</summary>
    public double AlternativeHitRate { get; }

    /// <summary>α.</summary>
    public double FalsePositiveRate { get; }

    /// <summary>β.</summary>
    public double FalseNegativeRate { get; }

    /// <summary>ln((1 − β) ÷ α): Λ at or above it accepts H1.</summary>
    public double UpperBound { get; }

    /// <summary>ln(β ÷ (1 − α)): Λ at or below it accepts H0.</summary>
    public double LowerBound { get; }

    /// <summary>Λ, the log-likelihood ratio of H1 against H0 so far.</summary>
    public double LogLikelihoodRatio { get; private set; }

    /// <summary>Observations counted (those after the decision are not).</summary>
    public long Observations { get; private set; }

    /// <summary>The current state of the test.</summary>
    public SequentialDecision Decision { get; private set; }

    /// <summary>Adds one decision's outcome and returns the state of the test.</summary>
    public SequentialDecision Observe(bool hit)
    {
        if (Decision != SequentialDecision.Continue)
        {
            return Decision;
        }

        Observations++;
        LogLikelihoodRatio += hit ? hitStep : missStep;
        if (LogLikelihoodRatio >= UpperBound)
        {
            Decision = SequentialDecision.AcceptAlternative;
        }
        else if (LogLikelihoodRatio <= LowerBound)
        {
            Decision = SequentialDecision.AcceptNull;
        }

        return Decision;
    }

    private static void RequireOpenUnit(double value, string name)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be strictly between 0 and 1.");
        }
    }
}
