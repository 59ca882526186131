using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Exchange;
using PluginBot.Engine.Feeds;
using PluginBot.Sdk.Market;

namespace PluginBot.Engine.WalkForward;

/// <summary>
/// Runs each variant over each fold: a fresh session per fold whose strategy sees the training bars (to warm up and
/// learn online weights) but trades and is measured only on the test bars, starting flat with the full cash.
/// </summary>
public static class WalkForwardRunner
{
    /// <summary>Runs the comparison. <paramref name="progress"/> is told each variant and fold as it starts.</summary>
    public static WalkForwardReport Run(
        StrategyComposition composition,
        PluginCatalog catalog,
        BacktestDataSet data,
        BacktestOptions options,
        int trainBars,
        int testBars,
        Action<string, WalkForwardFold>? progress = null)
    {
        var times = data.Series.SelectMany(s => s.Bars.Select(b => b.StartTime)).Distinct().Order().ToList();
        var folds = WalkForwardPlan.Create(times, data.Interval.Duration, trainBars, testBars);
        var variants = WalkForwardVariant.For(composition);
        var results = new List<WalkForwardFoldResult>();
        foreach (var variant in variants)
        {
            foreach (var fold in folds)
            {
                progress?.Invoke(variant.Name, fold);
                results.Add(variant.Composition is { } runnable
                    ? RunFold(variant.Name, runnable, catalog, data, options, fold)
                    : BuyAndHoldBenchmark.Run(data.Series, fold, options.InitialCash, options.Exchange.Fees.TakerBasisPoints, options.PeriodsPerYear,
                        options.Exchange.Slippage is FixedBasisPointsSlippage fixedSlippage ? fixedSlippage.BasisPoints : 0m));
            }
        }

        var benchmark = results.Where(r => r.Variant == WalkForwardVariant.BuyAndHoldName).ToDictionary(r => r.Fold.Index);
        var summaries = variants.Select(variant =>
        {
            var mine = results.Where(r => r.Variant == variant.Name).ToList();
            var compounded = mine.Aggregate(1m, (total, r) => total * (1 + r.TotalReturn)) - 1;
            return new WalkForwardSummary(
                variant.Name,
                compounded,
                mine.Average(r => r.SharpeRatio),
                mine.Max(r => r.MaximumDrawdown),
                mine.Average(r => r.Turnover),
                mine.Sum(r => r.Trades),
                mine.Count(r => r.TotalReturn > benchmark[r.Fold.Index].TotalReturn));
        }).ToList();
        return new WalkForwardReport(composition.Name, folds, results, summaries);
    }

    private static WalkForwardFoldResult RunFold(string name, StrategyComposition composition, PluginCatalog catalog, BacktestDataSet data, BacktestOptions options, WalkForwardFold fold)
    {
        var feeds = data.Series
            .Select(series => (IBarFeed)new ArrayBarFeed(Array.FindAll(series.Bars, bar => bar.StartTime >= fold.TrainStart && bar.StartTime < fold.TestEnd)))
            .ToList();
        var result = new BacktestSession(composition, catalog, new MergedBarFeed(feeds), options with { TradingStartsAt = fold.TestStart, Provenance = null }).Run();
        return new WalkForwardFoldResult(name, fold, result.Performance.TotalReturn, result.Performance.SharpeRatio, result.Performance.MaximumDrawdown,
            result.Turnover, result.Trades.Count);
    }
}
