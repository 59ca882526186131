namespace PluginBot.Experts.Comparison;

/// <summary>
/// Splits by instrument: the listed symbols go to the candidate, all others to the control. Each symbol keeps one
/// set for the whole trial, so its position history is never a mix of two sets' decisions; the price is that the
/// comparison also compares markets.
/// </summary>
public sealed class SymbolTrafficSplitter : ITrafficSplitter
{
    private readonly HashSet<string> candidateSymbols;

    /// <summary>Creates a splitter sending <paramref name="candidateSymbols"/> to the candidate set (ordinal, case-sensitive).</summary>
    public SymbolTrafficSplitter(IEnumerable<string> candidateSymbols)
    {
        ArgumentNullException.ThrowIfNull(candidateSymbols);
        this.candidateSymbols = new HashSet<string>(candidateSymbols, StringComparer.Ordinal);
    }

    /// <summary>The symbols the candidate trades.</summary>
    public IReadOnlyCollection<string> CandidateSymbols => candidateSymbols;

    /// <inheritdoc />
    public TrafficAssignment Assign(string symbol, ReadOnlySpan<char> decisionId)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return new TrafficAssignment(candidateSymbols.Contains(symbol) ? ExpertSetRole.Candidate : ExpertSetRole.Control, null);
    }
}
