using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.Ensembles;

/// <summary>The combined view of the experts on one bar, before the committee applies disagreement.</summary>
/// <param name="Signal">
/// The combined signal: Long or Short from the sign of <paramref name="Score"/> with confidence |score| ÷ voter
/// weight; Flat when only flat votes remain; Hold when the vote abstains (see <paramref name="Abstention"/>).
/// </param>
/// <param name="Score">Σ weight × gate × direction × confidence over the voters (direction +1 long, −1 short, 0 flat).</param>
/// <param name="VoterWeight">Σ weight × gate over the voters (experts that did not hold and had a positive combined weight).</param>
/// <param name="Disagreement">
/// 1 − |Σ weight × gate × direction| ÷ Σ weight × gate over the long and short voters: 0 when they all point the same
/// way, 1 when long and short weight balance exactly; 0 when nobody took a side.
/// </param>
/// <param name="Abstention"><see cref="AbstentionReason.NoVotes"/>, <see cref="AbstentionReason.Tie"/> or none.</param>
public readonly record struct EnsembleVote(
    Signal Signal,
    double Score,
    double VoterWeight,
    double Disagreement,
    AbstentionReason Abstention);
