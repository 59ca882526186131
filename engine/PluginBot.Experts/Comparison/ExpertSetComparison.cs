namespace PluginBot.Experts.Comparison;

/// <summary>
/// A live A/B comparison of two expert sets: running statistics per set, Welch's t-test between their returns,
/// and a sequential test of the candidate's hit rate.
/// </summary>
/// <remarks>
/// Feed it every directional decision of either set once its return is known (shadow decisions included: they are
/// scored as if traded, before costs). Not thread-safe; the engine records from its strategy thread.
/// </remarks>
public sealed class ExpertSetComparison
{
    /// <summary>Creates a comparison.</summary>
    /// <param name="candidateTest">
    /// Wald's test on the candidate's hit rate (e.g. p0 = the control's long-run hit rate, p1 = the lift worth
    /// switching for), or null to skip it.
    /// </param>
    /// <param name="reliabilityBinCount">Confidence bins per set.</param>
    public ExpertSetComparison(SequentialProbabilityRatioTest? candidateTest = null, int reliabilityBinCount = 10)
    {
        Control = new DecisionStatistics(reliabilityBinCount);
        Candidate = new DecisionStatistics(reliabilityBinCount);
        CandidateTest = candidateTest;
    }

    /// <summary>The control set's statistics.</summary>
    public DecisionStatistics Control { get; }

    /// <summary>The candidate set's statistics.</summary>
    public DecisionStatistics Candidate { get; }

    /// <summary>The sequential test on the candidate's hits, if configured.</summary>
    public SequentialProbabilityRatioTest? CandidateTest { get; }

    /// <summary>Records one decision's outcome for a set.</summary>
    /// <param name="role">Which set made the decision.</param>
    /// <param name="confidence">The decision's confidence.</param>
    /// <param name="decisionReturn">Its return (see <see cref="DecisionReturn"/>).</param>
    public void Record(ExpertSetRole role, double confidence, double decisionReturn)
    {
        StatisticsOf(role).Record(confidence, decisionReturn);
        if (role == ExpertSetRole.Candidate)
        {
            CandidateTest?.Observe(decisionReturn > 0);
        }
    }

    /// <summary>The statistics of one set.</summary>
    public DecisionStatistics StatisticsOf(ExpertSetRole role) => role switch
    {
        ExpertSetRole.Control => Control,
        ExpertSetRole.Candidate => Candidate,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown expert set."),
    };

    /// <summary>
    /// Welch's t-test of candidate against control returns: a positive t means the candidate earns more per decision.
    /// </summary>
    /// <exception cref="ArgumentException">A set has fewer than two decisions.</exception>
    public WelchTestResult CompareReturns() => WelchTTest.Compare(Candidate, Control);
}
