namespace PluginBot.Engine.Feedback;

/// <summary>
/// The execution-quality values the tracker writes into a feature vector, in the order of
/// <see cref="ExecutionTracker.FeatureNames"/>: the positions are part of the contract a model is trained against,
/// so they never move; new values are added at the end.
/// </summary>
public enum ExecutionFeature
{
    /// <summary>Mean slippage of recent fills in basis points (worse than the decision price is positive).</summary>
    AverageSlippageBasisPoints = 0,

    /// <summary>Send-to-fill time of the latest filled order, in seconds.</summary>
    LastFillLatencySeconds = 1,

    /// <summary>Median send-to-fill time over recent fills, in seconds.</summary>
    MedianFillLatencySeconds = 2,

    /// <summary>Fraction of recent round trips that made money after fees (0.5 before any).</summary>
    RecentHitRate = 3,

    /// <summary>Losing round trips in a row, counted back from the latest.</summary>
    ConsecutiveLosses = 4,

    /// <summary>Estimated market impact of a typical recent order in basis points.</summary>
    MarketImpactBasisPoints = 5,
}
