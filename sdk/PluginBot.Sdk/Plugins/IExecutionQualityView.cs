namespace PluginBot.Sdk.Plugins;

/// <summary>
/// What the engine has learned from its own executions, read-only: how far fills land from the price the decision
/// was taken on, how long orders take to fill, and how recent trades went. Risk layers (latency circuit breakers),
/// sizers and adaptive plugins read it to scale their behaviour; only the engine's execution tracker writes it.
/// </summary>
public interface IExecutionQualityView
{
    /// <summary>Fills seen so far.</summary>
    int FillCount { get; }

    /// <summary>
    /// Mean slippage of recent fills against the decision's reference price, in basis points; positive means worse
    /// than the reference (paid more on a buy, received less on a sell). 0 before any fill.
    /// </summary>
    double AverageSlippageBasisPoints { get; }

    /// <summary>Time from sending to the last fill of the most recent order that filled. Zero before any fill.</summary>
    TimeSpan LastFillLatency { get; }

    /// <summary>Median send-to-fill time over the recent window. Zero before any fill.</summary>
    TimeSpan MedianFillLatency { get; }

    /// <summary>Fraction of recent closed round trips that made money after fees; 0.5 before any trade closed.</summary>
    double RecentHitRate { get; }

    /// <summary>Closed round trips in a row that lost money, counted back from the latest.</summary>
    int ConsecutiveLosses { get; }

    /// <summary>
    /// Estimated market impact of a typical order in basis points: recent slippage per unit of the order's share
    /// of its fill bar's volume. 0 until enough fills were seen.
    /// </summary>
    double MarketImpactBasisPoints { get; }
}
