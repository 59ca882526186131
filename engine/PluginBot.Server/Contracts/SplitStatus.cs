namespace PluginBot.Server.Contracts;

/// <summary>A strategy's A/B split and the statistics of each set.</summary>
/// <param name="Strategy">The strategy.</param>
/// <param name="Configuration">The split, or null when the strategy runs one set.</param>
/// <param name="Sets">Statistics per set; empty without a split.</param>
/// <param name="Test">Whether the candidate differs from the control, once both have enough decisions.</param>
public sealed record SplitStatus(string Strategy, SplitConfiguration? Configuration, IReadOnlyList<ExpertSetStatistics> Sets, SplitSignificance? Test = null);
