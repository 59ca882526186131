using System.Xml;
using PluginBot.Statistics;

namespace PluginBot.Statistics.Tests;

/// <summary>
/// Pins <see cref="TradeStatistics.Compute"/> to Lean's expected values. Every statistic is compared exactly: the
/// implementation rounds in the same order as Lean (running means in decimal, square roots in double brought back to
/// decimal's 15-digit conversion), so even the Sharpe and Sortino ratios agree to the last digit and a tolerance
/// would only hide a change of definition.
/// </summary>
public sealed class TradeStatisticsTests
{
    /// <summary>Lean's statistic names (as in the file) mapped to how each is read from our result.</summary>
    private static readonly IReadOnlyDictionary<string, Func<TradeStatistics, object?>> Statistics =
        new Dictionary<string, Func<TradeStatistics, object?>>
        {
            ["StartDateTime"] = statistics => statistics.StartTime,
            ["EndDateTime"] = statistics => statistics.EndTime,
            ["TotalNumberOfTrades"] = statistics => statistics.TotalNumberOfTrades,
            ["NumberOfWinningTrades"] = statistics => statistics.NumberOfWinningTrades,
            ["NumberOfLosingTrades"] = statistics => statistics.NumberOfLosingTrades,
            ["TotalProfitLoss"] = statistics => statistics.TotalProfitLoss,
            ["TotalProfit"] = statistics => statistics.TotalProfit,
            ["TotalLoss"] = statistics => statistics.TotalLoss,
            ["LargestProfit"] = statistics => statistics.LargestProfit,
            ["LargestLoss"] = statistics => statistics.LargestLoss,
            ["AverageProfitLoss"] = statistics => statistics.AverageProfitLoss,
            ["AverageProfit"] = statistics => statistics.AverageProfit,
            ["AverageLoss"] = statistics => statistics.AverageLoss,
            ["AverageTradeDuration"] = statistics => statistics.AverageTradeDuration,
            ["AverageWinningTradeDuration"] = statistics => statistics.AverageWinningTradeDuration,
            ["AverageLosingTradeDuration"] = statistics => statistics.AverageLosingTradeDuration,
            ["MaxConsecutiveWinningTrades"] = statistics => statistics.MaximumConsecutiveWinningTrades,
            ["MaxConsecutiveLosingTrades"] = statistics => statistics.MaximumConsecutiveLosingTrades,
            ["ProfitLossRatio"] = statistics => statistics.ProfitLossRatio,
            ["WinLossRatio"] = statistics => statistics.WinLossRatio,
            ["WinRate"] = statistics => statistics.WinRate,
            ["LossRate"] = statistics => statistics.LossRate,
            ["AverageMAE"] = statistics => statistics.AverageMaximumAdverseExcursion,
            ["AverageMFE"] = statistics => statistics.AverageMaximumFavorableExcursion,
            ["LargestMAE"] = statistics => statistics.LargestMaximumAdverseExcursion,
            ["LargestMFE"] = statistics => statistics.LargestMaximumFavorableExcursion,
            ["MaximumClosedTradeDrawdown"] = statistics => statistics.MaximumClosedTradeDrawdown,
            ["MaximumIntraTradeDrawdown"] = statistics => statistics.MaximumIntraTradeDrawdown,
            ["ProfitLossStandardDeviation"] = statistics => statistics.ProfitLossStandardDeviation,
            ["ProfitLossDownsideDeviation"] = statistics => statistics.ProfitLossDownsideDeviation,
            ["ProfitFactor"] = statistics => statistics.ProfitFactor,
            ["SharpeRatio"] = statistics => statistics.SharpeRatio,
            ["SortinoRatio"] = statistics => statistics.SortinoRatio,
            ["ProfitToMaxDrawdownRatio"] = statistics => statistics.ProfitToMaximumDrawdownRatio,
            ["MaximumEndTradeDrawdown"] = statistics => statistics.MaximumEndTradeDrawdown,
            ["AverageEndTradeDrawdown"] = statistics => statistics.AverageEndTradeDrawdown,
            ["MaximumDrawdownDuration"] = statistics => statistics.MaximumDrawdownDuration,
            ["TotalFees"] = statistics => statistics.TotalFees,
        };

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in LeanTradeStatisticsCases.Names())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void CaseFile_HasSixCasesOfThirtyEightStatistics_AllMappedToOurNames()
    {
        var names = LeanTradeStatisticsCases.Names().ToList();

        Assert.Equal(6, names.Count);
        Assert.Equal(38, Statistics.Count);
        foreach (var name in names)
        {
            Assert.Equal(Statistics.Keys.Order(), LeanTradeStatisticsCases.Expected(name).Keys.Order());
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Compute_LeanCase_MatchesEveryExpectedStatistic(string caseName)
    {
        var statistics = TradeStatistics.Compute(LeanTradeStatisticsCases.Trades(caseName));

        var mismatches = new List<string>();
        foreach (var (name, expectedText) in LeanTradeStatisticsCases.Expected(caseName))
        {
            var actual = Statistics[name](statistics);
            var expected = ParseExpected(expectedText, actual);
            if (!Equals(expected, actual))
            {
                mismatches.Add($"{name}: expected {expected ?? "null"} (file: {expectedText ?? "null"}), got {actual ?? "null"}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{caseName}: {mismatches.Count} of 38 statistics differ:{Environment.NewLine}{string.Join(Environment.NewLine, mismatches)}");
    }

    [Fact]
    public void Compute_BreakEvenTrade_CountsAsLosingTradeLikeLean()
    {
        var statistics = TradeStatistics.Compute([Trade(profitLoss: 0m, maximumAdverseExcursion: -5m, maximumFavorableExcursion: 5m)]);

        Assert.Equal(0, statistics.NumberOfWinningTrades);
        Assert.Equal(1, statistics.NumberOfLosingTrades);
        Assert.Equal(1, statistics.MaximumConsecutiveLosingTrades);
        Assert.Equal(0m, statistics.ProfitFactor);
    }

    [Fact]
    public void Compute_FeesOnWinningTrade_AreReportedButNotSubtracted()
    {
        var statistics = TradeStatistics.Compute([Trade(profitLoss: 15m, totalFees: 4.5m)]);

        Assert.Equal(15m, statistics.TotalProfitLoss);
        Assert.Equal(4.5m, statistics.TotalFees);
    }

    [Fact]
    public void Compute_TradeExitingBeforeItEnters_Throws()
    {
        var entry = new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        var trade = Trade(profitLoss: 1m) with { EntryTime = entry, ExitTime = entry.AddMinutes(-1) };

        Assert.Throws<ArgumentException>(() => TradeStatistics.Compute([trade]));
    }

    private static object? ParseExpected(string? text, object? actual) => (text, actual) switch
    {
        (null, _) => null,
        (_, DateTime) => LeanTradeStatisticsCases.ParseTime(text),
        (_, TimeSpan) => XmlConvert.ToTimeSpan(text),
        (_, int) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
        _ => LeanTradeStatisticsCases.ParseDecimal(text),
    };

    private static ClosedTrade Trade(decimal profitLoss, decimal totalFees = 1m, decimal maximumAdverseExcursion = 0m, decimal maximumFavorableExcursion = 20m) => new()
    {
        Symbol = "BTCUSDT",
        EntryTime = new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc),
        ExitTime = new DateTime(2024, 1, 1, 13, 0, 0, DateTimeKind.Utc),
        Direction = TradeDirection.Long,
        Quantity = 0.5m,
        EntryPrice = 40_000m,
        ExitPrice = 40_000m + profitLoss * 2,
        ProfitLoss = profitLoss,
        TotalFees = totalFees,
        MaximumAdverseExcursion = maximumAdverseExcursion,
        MaximumFavorableExcursion = maximumFavorableExcursion,
        EndTradeDrawdown = Math.Max(0m, maximumFavorableExcursion - profitLoss),
    };
}
