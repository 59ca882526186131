using PluginBot.Sdk.Market;

namespace PluginBot.Engine.Feeds;

/// <summary>
/// A source of closed bars in the order the kernel must handle them. Reading allocates nothing, so a backtest
/// over millions of bars costs only the work done per bar.
/// </summary>
public interface IBarFeed
{
    /// <summary>The number of bars still to come, when known; used for progress only.</summary>
    long? RemainingCount { get; }

    /// <summary>Reads the next bar; false when the feed is exhausted.</summary>
    bool TryRead(out Bar bar);
}
