using PluginBot.Engine.Accounting;
using PluginBot.Engine.Clock;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Execution;
using PluginBot.Engine.Exchange;
using PluginBot.Engine.Feeds;
using PluginBot.Engine.Hosting;
using PluginBot.Sdk.Plugins;
using PluginBot.Statistics;

namespace PluginBot.Engine.Backtest;

/// <summary>Runs a composition over a feed in the backtest environment, start to finish.</summary>
public static class BacktestRunner
{
    /// <summary>Runs <paramref name="composition"/> over <paramref name="feed"/>.</summary>
    public static BacktestResult Run(
        StrategyComposition composition,
        PluginCatalog catalog,
        IBarFeed feed,
        BacktestOptions options,
        Action<long>? progress = null,
        CancellationToken cancellation = default) =>
        new BacktestSession(composition, catalog, feed, options).Run(progress, cancellation);
}
