using PluginBot.Data;
using PluginBot.Statistics;

namespace PluginBot.Engine.WalkForward;

/// <summary>
/// Buy-and-hold over a fold's test window, computed from the bars: the cash is split equally across the symbols,
/// bought at the first test bar's open paying the taker fee and the same slippage the strategies pay, and marked at
/// every close. No plugin is involved, so
/// the benchmark cannot share a bug with the strategies it judges.
/// </summary>
public static class BuyAndHoldBenchmark
{
    /// <summary>The benchmark's result on <paramref name="fold"/>.</summary>
    public static WalkForwardFoldResult Run(IReadOnlyList<BarSeries> series, WalkForwardFold fold, decimal cash, decimal feeBasisPoints, double periodsPerYear, decimal slippageBasisPoints = 0m)
    {
        var holdings = new List<(decimal Units, int First, int End, BarSeries Series)>();
        var traded = series.Where(s => Array.Exists(s.Bars, b => InTest(b.StartTime, fold))).ToList();
        var share = traded.Count == 0 ? 0 : cash / traded.Count;
        foreach (var one in traded)
        {
            var first = Array.FindIndex(one.Bars, b => InTest(b.StartTime, fold));
            var end = Array.FindLastIndex(one.Bars, b => InTest(b.StartTime, fold)) + 1;
            var units = share * (1 - feeBasisPoints / 10_000m) / (one.Bars[first].Open * (1 + slippageBasisPoints / 10_000m));
            holdings.Add((units, first, end, one));
        }

        var times = holdings.SelectMany(h => h.Series.Bars[h.First..h.End].Select(b => b.EndTime)).Distinct().Order().ToList();
        var statistics = new EquityStatistics();
        var lastClose = holdings.Select(h => h.Series.Bars[h.First].Open).ToArray();
        var cursor = holdings.Select(h => h.First).ToArray();
        statistics.Add(fold.TestStart, cash);
        foreach (var time in times)
        {
            var equity = 0m;
            for (var index = 0; index < holdings.Count; index++)
            {
                var bars = holdings[index].Series.Bars;
                while (cursor[index] < holdings[index].End && bars[cursor[index]].EndTime <= time)
                {
                    lastClose[index] = bars[cursor[index]].Close;
                    cursor[index]++;
                }

                equity += holdings[index].Units * lastClose[index];
            }

            statistics.Add(time, equity);
        }

        var summary = statistics.Summarize(periodsPerYear);
        return new WalkForwardFoldResult(WalkForwardVariant.BuyAndHoldName, fold, summary.TotalReturn, summary.SharpeRatio, summary.MaximumDrawdown,
            holdings.Count == 0 ? 0 : 1m, 0);
    }

    private static bool InTest(DateTime start, WalkForwardFold fold) => start >= fold.TestStart && start < fold.TestEnd;
}
