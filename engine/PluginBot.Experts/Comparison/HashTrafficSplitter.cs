namespace PluginBot.Experts.Comparison;

/// <summary>
/// Splits by a stable hash of the decision id: a fixed fraction of decisions, spread over all symbols and times,
/// goes to the candidate. Both sets then see the same markets, which makes their statistics comparable.
/// </summary>
/// <remarks>
/// A decision goes to the candidate when <see cref="StableHash.ToUnitInterval"/> of FNV-1a(salt + "|" + id) (mixed,
/// then read as a fraction) is below the fraction. The salt names the experiment, so two experiments running at once split independently
/// instead of sending the same decisions to both candidates.
/// </remarks>
public sealed class HashTrafficSplitter : ITrafficSplitter
{
    private readonly ulong saltedBasis;

    /// <summary>Creates a splitter.</summary>
    /// <param name="candidateFraction">The share of decisions for the candidate, in [0, 1].</param>
    /// <param name="experimentSalt">Names the experiment; changing it reshuffles the split.</param>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is outside [0, 1].</exception>
    public HashTrafficSplitter(double candidateFraction, string experimentSalt = "")
    {
        if (!(candidateFraction >= 0 && candidateFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(candidateFraction), candidateFraction, "Must be between 0 and 1.");
        }

        ArgumentNullException.ThrowIfNull(experimentSalt);
        CandidateFraction = candidateFraction;
        ExperimentSalt = experimentSalt;
        saltedBasis = StableHash.Fnv1a64("|", StableHash.Fnv1a64(experimentSalt));
    }

    /// <summary>The share of decisions for the candidate.</summary>
    public double CandidateFraction { get; }

    /// <summary>The experiment's salt.</summary>
    public string ExperimentSalt { get; }

    /// <summary>Where a decision id falls in [0, 1); below <see cref="CandidateFraction"/> means the candidate.</summary>
    public double BucketOf(ReadOnlySpan<char> decisionId) => StableHash.ToUnitInterval(StableHash.Fnv1a64(decisionId, saltedBasis));

    /// <inheritdoc />
    public TrafficAssignment Assign(string symbol, ReadOnlySpan<char> decisionId) =>
        new(BucketOf(decisionId) < CandidateFraction ? ExpertSetRole.Candidate : ExpertSetRole.Control, null);
}
