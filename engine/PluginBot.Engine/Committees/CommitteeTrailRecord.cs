using PluginBot.Experts.Committees;

namespace PluginBot.Engine.Committees;

/// <summary>One committee decision with the time it was taken: regime probabilities, every expert's output and weights, the final signal.</summary>
/// <param name="Time">The decision bar's close.</param>
/// <param name="Decision">What the committee saw and decided.</param>
public sealed record CommitteeTrailRecord(DateTime Time, CommitteeDecisionRecord Decision);
