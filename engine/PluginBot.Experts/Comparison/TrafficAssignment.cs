namespace PluginBot.Experts.Comparison;

/// <summary>Which expert set decides an event and trades on it, and which, if any, decides without trading.</summary>
/// <param name="Trading">The set whose decision goes to risk and execution.</param>
/// <param name="Shadow">
/// A set that also decides on the event, for the statistics only, and never trades; null when only
/// <paramref name="Trading"/> runs.
/// </param>
public readonly record struct TrafficAssignment(ExpertSetRole Trading, ExpertSetRole? Shadow);
