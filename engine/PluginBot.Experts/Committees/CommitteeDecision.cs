using PluginBot.Experts.Ensembles;
using PluginBot.Sdk.Regimes;
using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.Committees;

/// <summary>
/// One per-bar committee decision: regime probabilities, every expert's signal, gate and ensemble weight, the
/// disagreement, the final signal and why it abstained, if it did.
/// </summary>
/// <remarks>
/// A view over arrays the committee reuses for the symbol, so deciding allocates nothing. It stays readable until
/// the committee decides again for the same symbol; after that every member throws
/// <see cref="InvalidOperationException"/> rather than show the newer decision's numbers. Call
/// <see cref="ToRecord"/> to keep it (that allocates).
/// </remarks>
public readonly struct CommitteeDecision
{
    private readonly DecisionBuffer buffer;
    private readonly int version;

    internal CommitteeDecision(DecisionBuffer buffer)
    {
        this.buffer = buffer;
        version = buffer.Version;
    }

    /// <summary>Whether the committee has not decided again for this symbol since, so the view is still readable.</summary>
    public bool IsCurrent => buffer is not null && buffer.Version == version;

    /// <summary>The symbol decided for.</summary>
    public string Symbol => Current.Symbol;

    /// <summary>The regime probabilities the gate used, or null when the composition has no detector.</summary>
    public RegimeEstimate? Regime => Current.Regime;

    /// <summary>The final signal; <see cref="Signal.Hold"/> whenever the committee abstained.</summary>
    public Signal Signal => Current.FinalSignal;

    /// <summary>The ensemble's combined vote before disagreement and the committee's thresholds.</summary>
    public EnsembleVote Vote => Current.Vote;

    /// <summary>How split the long and short voters were (see <see cref="EnsembleVote.Disagreement"/>).</summary>
    public double Disagreement => Current.Vote.Disagreement;

    /// <summary>Why the committee abstained, or <see cref="AbstentionReason.None"/>.</summary>
    public AbstentionReason Abstention => Current.Abstention;

    /// <summary>Whether the committee abstained (its signal is then Hold).</summary>
    public bool IsAbstained => Current.Abstention != AbstentionReason.None;

    /// <summary>
    /// The close-to-close direction (+1, −1, 0) with which this call judged the symbol's previous decision and
    /// updated the ensemble; 0 on the first decision.
    /// </summary>
    public int RealisedDirectionOfPrevious => Current.LastRealisedDirection;

    /// <summary>How many experts the decision lists.</summary>
    public int ExpertCount => Current.Signals.Length;

    /// <summary>One expert's part, by roster position.</summary>
    public ExpertVote GetExpert(int expertIndex)
    {
        var current = Current;
        return new ExpertVote(current.ExpertNames[expertIndex], current.Signals[expertIndex], current.GateWeights[expertIndex], current.EnsembleWeights[expertIndex]);
    }

    /// <summary>The signal an expert gave, by roster position.</summary>
    public Signal GetSignal(int expertIndex) => Current.Signals[expertIndex];

    /// <summary>The gate weight of an expert, by roster position.</summary>
    public double GetGateWeight(int expertIndex) => Current.GateWeights[expertIndex];

    /// <summary>The ensemble weight of an expert at decision time, by roster position.</summary>
    public double GetEnsembleWeight(int expertIndex) => Current.EnsembleWeights[expertIndex];

    /// <summary>Copies the decision into an immutable record the caller may keep (allocates).</summary>
    public CommitteeDecisionRecord ToRecord()
    {
        var current = Current;
        var experts = new ExpertVote[current.Signals.Length];
        for (var expert = 0; expert < experts.Length; expert++)
        {
            experts[expert] = GetExpert(expert);
        }

        return new CommitteeDecisionRecord(current.Symbol, current.Regime, experts, current.Vote, current.FinalSignal, current.Abstention);
    }

    private DecisionBuffer Current
    {
        get
        {
            if (!IsCurrent)
            {
                throw new InvalidOperationException(
                    "This committee decision has been overwritten by a later decision for the same symbol (or was never made); keep it with ToRecord().");
            }

            return buffer;
        }
    }
}
