using PluginBot.Experts.Ensembles;
using PluginBot.Sdk.Regimes;
using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.Committees;

/// <summary>An immutable copy of a <see cref="CommitteeDecision"/>, for the audit trail, the dashboard and tests.</summary>
/// <param name="Symbol">The symbol decided for.</param>
/// <param name="Regime">The regime probabilities the gate used, or null without a detector.</param>
/// <param name="Experts">Every expert's name, signal, gate weight and ensemble weight, in roster order.</param>
/// <param name="Vote">The ensemble's combined vote before disagreement and thresholds.</param>
/// <param name="Signal">The final signal (Hold when abstained).</param>
/// <param name="Abstention">Why the committee abstained, or none.</param>
public sealed record CommitteeDecisionRecord(
    string Symbol,
    RegimeEstimate? Regime,
    IReadOnlyList<ExpertVote> Experts,
    EnsembleVote Vote,
    Signal Signal,
    AbstentionReason Abstention)
{
    /// <summary>How split the long and short voters were.</summary>
    public double Disagreement => Vote.Disagreement;

    /// <summary>Whether the committee abstained.</summary>
    public bool IsAbstained => Abstention != AbstentionReason.None;
}
