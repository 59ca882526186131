using PluginBot.Engine.Tests.Infrastructure;
using PluginBot.Engine.WalkForward;

namespace PluginBot.Engine.Tests;

public sealed class WalkForwardTests
{
    private static readonly DateTime Origin = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Create_TenBarsTrainFourTestThree_TwoFoldsRollingByTheTestLength()
    {
        var times = Enumerable.Range(0, 10).Select(minute => Origin.AddMinutes(minute)).ToList();

        var folds = WalkForwardPlan.Create(times, TimeSpan.FromMinutes(1), trainBars: 4, testBars: 3);

        Assert.Equal(2, folds.Count);
        Assert.Equal(new WalkForwardFold(0, Origin, Origin.AddMinutes(4), Origin.AddMinutes(7), 4, 3), folds[0]);
        Assert.Equal(new WalkForwardFold(1, Origin.AddMinutes(3), Origin.AddMinutes(7), Origin.AddMinutes(10), 4, 3), folds[1]);
    }

    [Fact]
    public void Create_ShortLastWindow_IsDroppedOnlyWhenUnderHalfATestWindow()
    {
        var times = Enumerable.Range(0, 12).Select(minute => Origin.AddMinutes(minute)).ToList();

        // Train 4, test 3: tests at 4..6, 7..9, then 10..11 (2 bars ≥ half of 3) is kept.
        Assert.Equal(3, WalkForwardPlan.Create(times, TimeSpan.FromMinutes(1), 4, 3).Count);
        // Train 4, test 6: tests at 4..9, then 10..11 (2 bars < half of 6) is dropped.
        Assert.Single(WalkForwardPlan.Create(times, TimeSpan.FromMinutes(1), 4, 6));
    }

    [Fact]
    public void Create_TooFewBars_SaysHowManyAreNeeded()
    {
        var times = Enumerable.Range(0, 5).Select(minute => Origin.AddMinutes(minute)).ToList();

        var error = Assert.Throws<ArgumentException>(() => WalkForwardPlan.Create(times, TimeSpan.FromMinutes(1), 4, 3));

        Assert.Contains("need at least 7 bars; the data has 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ShippedComposition_TradesOnlyInsideTestWindowsAndBenchmarksBuyAndHoldFromTheBars()
    {
        var data = ShippedCompositionBacktest.LoadData(RepositoryPaths.BinanceBitcoinMinuteFile);
        var composition = ShippedCompositionBacktest.LoadComposition();
        var options = ShippedCompositionBacktest.OptionsFor(composition, data);

        var report = WalkForwardRunner.Run(composition, ShippedCompositionBacktest.CreateCatalog(), data, options, trainBars: 480, testBars: 240);

        Assert.Equal(4, report.Folds.Count);
        Assert.Equal(["ema-cross", WalkForwardVariant.BuyAndHoldName], report.Summaries.Select(summary => summary.Variant));
        Assert.Equal(8, report.Results.Count);
        Assert.Contains(report.Results, result => result.Variant == "ema-cross" && result.Trades > 0);

        // Buy-and-hold of fold 0 by hand: 10 bps fee and the composition's 1 bp slippage at the first test bar's open,
        // marked at the last test bar's close.
        var bars = data.Series[0].Bars;
        var first = Array.FindIndex(bars, bar => bar.StartTime == report.Folds[0].TestStart);
        var last = first + report.Folds[0].TestBars - 1;
        var expected = (1 - 0.001m) * bars[last].Close / (bars[first].Open * 1.0001m) - 1;
        var benchmark = report.Results.Single(result => result.Variant == WalkForwardVariant.BuyAndHoldName && result.Fold.Index == 0);
        Assert.Equal((double)expected, (double)benchmark.TotalReturn, 10);
    }
}
