namespace PluginBot.Experts.Comparison;

/// <summary>
/// Shadow mode: the control trades every decision and the candidate decides on every event too, without ever
/// trading. The safest way to trial a set: it is scored on exactly the same events, at no risk, but its decisions
/// never move the market or the portfolio, so costs and impact are not part of its score.
/// </summary>
public sealed class ShadowTrafficSplitter : ITrafficSplitter
{
    /// <inheritdoc />
    public TrafficAssignment Assign(string symbol, ReadOnlySpan<char> decisionId) =>
        new(ExpertSetRole.Control, ExpertSetRole.Candidate);
}
