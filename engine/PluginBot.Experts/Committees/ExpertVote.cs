using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.Committees;

/// <summary>One expert's part in a committee decision, as the decision record shows it.</summary>
/// <param name="Name">The expert's roster name.</param>
/// <param name="Signal">What the expert said; <see cref="Signal.Hold"/> is an abstention.</param>
/// <param name="GateWeight">The router's weight for the expert on this bar (0 when its regimes were not chosen).</param>
/// <param name="EnsembleWeight">The ensemble's weight for the expert when the decision was made (learnt or fixed).</param>
public readonly record struct ExpertVote(string Name, Signal Signal, double GateWeight, double EnsembleWeight);
