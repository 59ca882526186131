namespace PluginBot.Engine.Composition;

/// <summary>
/// A live comparison of two expert sets within one composition: the composition's committee is the control, this
/// candidate the challenger; <see cref="Mode"/> says which of them trades each decision.
/// </summary>
public sealed record ExpertSetExperiment
{
    /// <summary>The candidate expert set.</summary>
    public required CommitteeComposition Candidate { get; init; }

    /// <summary>How decisions are split.</summary>
    public required ExpertSetSplitMode Mode { get; init; }

    /// <summary>For <see cref="ExpertSetSplitMode.Hash"/>: the fraction of decisions the candidate trades.</summary>
    public double CandidateFraction { get; init; } = 0.5;

    /// <summary>For <see cref="ExpertSetSplitMode.Symbol"/>: the symbols the candidate trades.</summary>
    public IReadOnlyList<string> CandidateSymbols { get; init; } = [];

    /// <summary>Salt of the decision-id hash, so two experiments split the same decisions differently.</summary>
    public string Salt { get; init; } = string.Empty;
}
