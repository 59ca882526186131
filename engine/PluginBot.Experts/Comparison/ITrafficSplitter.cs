namespace PluginBot.Experts.Comparison;

/// <summary>
/// Decides which expert set handles each decision in an A/B comparison. Assignments must be deterministic: the same
/// symbol and decision id always give the same answer, across restarts and machines, so a replayed backtest and a
/// live session split alike.
/// </summary>
public interface ITrafficSplitter
{
    /// <summary>The assignment of one decision.</summary>
    /// <param name="symbol">The instrument decided on.</param>
    /// <param name="decisionId">
    /// A stable id for the decision, e.g. "symbol|bar open time in ISO 8601"; a span so the caller can format it
    /// into a stack buffer instead of allocating a string per bar.
    /// </param>
    TrafficAssignment Assign(string symbol, ReadOnlySpan<char> decisionId);
}
