namespace PluginBot.Engine.WalkForward;

/// <summary>Every variant's result on every fold, and each variant's out-of-sample summary.</summary>
/// <param name="Strategy">The composition compared.</param>
/// <param name="Folds">The folds, in time order.</param>
/// <param name="Results">One result per variant and fold.</param>
/// <param name="Summaries">One summary per variant, in variant order (the composition first, buy-and-hold last).</param>
public sealed record WalkForwardReport(string Strategy, IReadOnlyList<WalkForwardFold> Folds, IReadOnlyList<WalkForwardFoldResult> Results, IReadOnlyList<WalkForwardSummary> Summaries);
