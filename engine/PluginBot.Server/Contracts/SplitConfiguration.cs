namespace PluginBot.Server.Contracts;

/// <summary>An A/B split of a strategy between two expert sets.</summary>
/// <param name="Mode">How traffic is divided.</param>
/// <param name="ControlSet">The expert set in production.</param>
/// <param name="CandidateSet">The expert set under test.</param>
/// <param name="CandidateSymbols">For <see cref="SplitMode.BySymbol"/>: the symbols the candidate trades.</param>
/// <param name="CandidatePercentage">For <see cref="SplitMode.HashPercentage"/>: the percentage of decisions the candidate trades, above 0 and below 100 (the engine's fraction × 100).</param>
public sealed record SplitConfiguration(
    SplitMode Mode,
    string ControlSet,
    string CandidateSet,
    IReadOnlyList<string>? CandidateSymbols = null,
    decimal? CandidatePercentage = null);
