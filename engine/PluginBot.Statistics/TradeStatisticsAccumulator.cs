namespace PluginBot.Statistics;

/// <summary>
/// Folds closed trades one at a time into the running sums behind <see cref="TradeStatistics"/>.
/// </summary>
/// <remarks>
/// Means are updated as running means (mean += (x − mean) / n) and variances with Welford's update, both in
/// <see cref="decimal"/>. That order of rounding is the one Lean's reference values were produced with, so the
/// results match them to the last of decimal's 28 digits rather than only approximately.
/// </remarks>
internal sealed class TradeStatisticsAccumulator
{
    private DateTime? startTime;
    private DateTime? endTime;
    private int tradeCount;
    private int winningCount;
    private int losingCount;

    private decimal totalProfitLoss;
    private decimal totalProfit;
    private decimal totalLoss;
    private decimal largestProfit;
    private decimal largestLoss;
    private decimal totalFees;

    private decimal averageProfitLoss;
    private decimal averageProfit;
    private decimal averageLoss;
    private decimal profitLossSquaredDeviations;
    private decimal lossSquaredDeviations;

    private decimal averageAdverseExcursion;
    private decimal averageFavorableExcursion;
    private decimal largestAdverseExcursion;
    private decimal largestFavorableExcursion;
    private decimal maximumEndTradeDrawdown;

    private Int128 allDurationTicks;
    private Int128 winningDurationTicks;
    private Int128 losingDurationTicks;

    private int currentWinningStreak;
    private int currentLosingStreak;
    private int longestWinningStreak;
    private int longestLosingStreak;

    // Closed-trade equity: cumulative profit and its running high (the account starts flat at zero).
    private decimal closedHigh;
    private decimal maximumClosedDrawdown;

    // Intra-trade equity: the high includes each trade's best open profit, the low its worst.
    private decimal intraTradeHigh;
    private decimal maximumIntraTradeDrawdown;

    private DateTime highTime;
    private bool isInDrawdown;
    private TimeSpan maximumDrawdownDuration;

    /// <summary>Adds one trade; trades must arrive in the order they closed.</summary>
    public void Add(ClosedTrade trade)
    {
        if (tradeCount == 0)
        {
            // Before the first trade the account sits at its starting high; the drawdown clock starts here.
            highTime = trade.EntryTime;
        }

        startTime = startTime is null || trade.EntryTime < startTime ? trade.EntryTime : startTime;
        endTime = endTime is null || trade.ExitTime > endTime ? trade.ExitTime : endTime;
        tradeCount++;

        // Measured against the cumulative profit before this trade closes: the trade was open on top of it.
        intraTradeHigh = Math.Max(intraTradeHigh, totalProfitLoss + trade.MaximumFavorableExcursion);
        maximumIntraTradeDrawdown = Math.Min(maximumIntraTradeDrawdown, totalProfitLoss + trade.MaximumAdverseExcursion - intraTradeHigh);

        totalProfitLoss += trade.ProfitLoss;
        if (trade.ProfitLoss > 0)
        {
            AddWinner(trade);
        }
        else
        {
            AddLoser(trade);
        }

        var previousAverage = averageProfitLoss;
        averageProfitLoss = RunningMean(averageProfitLoss, trade.ProfitLoss, tradeCount);
        profitLossSquaredDeviations += (trade.ProfitLoss - previousAverage) * (trade.ProfitLoss - averageProfitLoss);

        allDurationTicks += trade.Duration.Ticks;
        averageAdverseExcursion = RunningMean(averageAdverseExcursion, trade.MaximumAdverseExcursion, tradeCount);
        averageFavorableExcursion = RunningMean(averageFavorableExcursion, trade.MaximumFavorableExcursion, tradeCount);
        largestAdverseExcursion = Math.Min(largestAdverseExcursion, trade.MaximumAdverseExcursion);
        largestFavorableExcursion = Math.Max(largestFavorableExcursion, trade.MaximumFavorableExcursion);
        maximumEndTradeDrawdown = Math.Max(maximumEndTradeDrawdown, trade.EndTradeDrawdown);
        totalFees += trade.TotalFees;
    }

    /// <summary>Turns the running sums into the final statistics, applying Lean's fixed values for empty denominators.</summary>
    public TradeStatistics ToStatistics()
    {
        var standardDeviation = SampleStandardDeviation(profitLossSquaredDeviations, tradeCount);
        var downsideDeviation = SampleStandardDeviation(lossSquaredDeviations, losingCount);
        var winRate = tradeCount > 0 ? (decimal)winningCount / tradeCount : 0m;

        return new TradeStatistics
        {
            StartTime = startTime,
            EndTime = endTime,
            TotalNumberOfTrades = tradeCount,
            NumberOfWinningTrades = winningCount,
            NumberOfLosingTrades = losingCount,
            TotalProfitLoss = totalProfitLoss,
            TotalProfit = totalProfit,
            TotalLoss = totalLoss,
            LargestProfit = largestProfit,
            LargestLoss = largestLoss,
            AverageProfitLoss = averageProfitLoss,
            AverageProfit = averageProfit,
            AverageLoss = averageLoss,
            AverageTradeDuration = AverageDuration(allDurationTicks, tradeCount),
            AverageWinningTradeDuration = AverageDuration(winningDurationTicks, winningCount),
            AverageLosingTradeDuration = AverageDuration(losingDurationTicks, losingCount),
            MaximumConsecutiveWinningTrades = longestWinningStreak,
            MaximumConsecutiveLosingTrades = longestLosingStreak,
            ProfitLossRatio = averageLoss == 0 ? 0 : averageProfit / Math.Abs(averageLoss),
            WinLossRatio = tradeCount == 0 ? 0 : losingCount > 0 ? (decimal)winningCount / losingCount : 10,
            WinRate = winRate,
            LossRate = tradeCount > 0 ? 1 - winRate : 0,
            AverageMaximumAdverseExcursion = averageAdverseExcursion,
            AverageMaximumFavorableExcursion = averageFavorableExcursion,
            LargestMaximumAdverseExcursion = largestAdverseExcursion,
            LargestMaximumFavorableExcursion = largestFavorableExcursion,
            MaximumClosedTradeDrawdown = maximumClosedDrawdown,
            MaximumIntraTradeDrawdown = maximumIntraTradeDrawdown,
            ProfitLossStandardDeviation = standardDeviation,
            ProfitLossDownsideDeviation = downsideDeviation,
            ProfitFactor = totalProfit == 0 ? 0 : totalLoss < 0 ? totalProfit / Math.Abs(totalLoss) : 10,
            SharpeRatio = standardDeviation > 0 ? averageProfitLoss / standardDeviation : 0,
            SortinoRatio = downsideDeviation > 0 ? averageProfitLoss / downsideDeviation : 0,
            ProfitToMaximumDrawdownRatio = totalProfitLoss == 0 ? 0
                : maximumClosedDrawdown < 0 ? totalProfitLoss / Math.Abs(maximumClosedDrawdown) : 10,
            MaximumEndTradeDrawdown = maximumEndTradeDrawdown,
            AverageEndTradeDrawdown = averageProfitLoss - averageFavorableExcursion,
            MaximumDrawdownDuration = maximumDrawdownDuration,
            TotalFees = totalFees,
        };
    }

    private void AddWinner(ClosedTrade trade)
    {
        winningCount++;
        totalProfit += trade.ProfitLoss;
        averageProfit = RunningMean(averageProfit, trade.ProfitLoss, winningCount);
        largestProfit = Math.Max(largestProfit, trade.ProfitLoss);
        winningDurationTicks += trade.Duration.Ticks;

        currentWinningStreak++;
        currentLosingStreak = 0;
        longestWinningStreak = Math.Max(longestWinningStreak, currentWinningStreak);

        // Only a strictly new high ends a drawdown: getting back to the old high exactly is not a recovery.
        if (totalProfitLoss > closedHigh)
        {
            closedHigh = totalProfitLoss;
            if (isInDrawdown && trade.ExitTime - highTime > maximumDrawdownDuration)
            {
                maximumDrawdownDuration = trade.ExitTime - highTime;
            }

            highTime = trade.ExitTime;
            isInDrawdown = false;
        }
    }

    private void AddLoser(ClosedTrade trade)
    {
        losingCount++;
        totalLoss += trade.ProfitLoss;
        var previousAverageLoss = averageLoss;
        averageLoss = RunningMean(averageLoss, trade.ProfitLoss, losingCount);
        lossSquaredDeviations += (trade.ProfitLoss - previousAverageLoss) * (trade.ProfitLoss - averageLoss);
        largestLoss = Math.Min(largestLoss, trade.ProfitLoss);
        losingDurationTicks += trade.Duration.Ticks;

        currentLosingStreak++;
        currentWinningStreak = 0;
        longestLosingStreak = Math.Max(longestLosingStreak, currentLosingStreak);

        maximumClosedDrawdown = Math.Min(maximumClosedDrawdown, totalProfitLoss - closedHigh);

        // Any losing (or break-even) trade opens a drawdown, as in Lean; only a winner that sets a new high closes it.
        isInDrawdown = true;
    }

    private static decimal RunningMean(decimal mean, decimal value, int count) => mean + (value - mean) / count;

    private static decimal SampleStandardDeviation(decimal squaredDeviations, int count)
    {
        if (count < 2)
        {
            return 0;
        }

        // Decimal has no square root; the explicit conversion back from double keeps 15 significant digits,
        // the precision Lean's reference values carry.
        return (decimal)Math.Sqrt((double)(squaredDeviations / (count - 1)));
    }

    private static TimeSpan AverageDuration(Int128 totalTicks, int count) =>
        count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)(totalTicks / count));
}
