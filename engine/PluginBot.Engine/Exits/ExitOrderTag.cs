namespace PluginBot.Engine.Exits;

/// <summary>What an exit order is for: its reason and, for take-profit and partial exits, its target's position in the plan (1-based).</summary>
/// <param name="Reason">Why the order exists.</param>
/// <param name="Target">The 1-based index into the position's profit targets (partial exits, then the take profit); 0 for stops and time exits.</param>
internal readonly record struct ExitOrderTag(ExitReason Reason, int Target);
