namespace PluginBot.Statistics;

/// <summary>
/// The 38 statistics of a list of closed trades, defined as QuantConnect Lean's <c>TradeStatistics</c> defines them
/// so that a PluginBot report can be read side by side with a Lean report (and is pinned by Lean's own test values).
/// </summary>
/// <remarks>
/// <para>Conventions inherited from Lean, kept on purpose so the numbers agree:</para>
/// <list type="bullet">
/// <item>A trade wins when its <see cref="ClosedTrade.ProfitLoss"/> is above zero; a break-even trade counts as a loss.</item>
/// <item>Profit and loss are gross: fees are only summed into <see cref="TotalFees"/>, never subtracted.</item>
/// <item>Trades are taken in the order given, which should be the order they closed: drawdowns, streaks and the
/// drawdown duration follow that order.</item>
/// <item>Ratios with an empty denominator use fixed values (for example 10 when nothing was lost) instead of
/// infinity, so reports stay sortable.</item>
/// <item>Standard deviations are computed in <see cref="decimal"/>, square-rooted in <see cref="double"/> and brought
/// back to <see cref="decimal"/>, which keeps 15 significant digits; the Sharpe and Sortino ratios divide by that
/// rounded value.</item>
/// </list>
/// </remarks>
public sealed record TradeStatistics
{
    /// <summary>The earliest entry time of any trade; null when there are no trades.</summary>
    public DateTime? StartTime { get; init; }

    /// <summary>The latest exit time of any trade; null when there are no trades.</summary>
    public DateTime? EndTime { get; init; }

    /// <summary>How many trades were closed.</summary>
    public int TotalNumberOfTrades { get; init; }

    /// <summary>How many trades made money (profit above zero).</summary>
    public int NumberOfWinningTrades { get; init; }

    /// <summary>How many trades did not make money (profit zero or below).</summary>
    public int NumberOfLosingTrades { get; init; }

    /// <summary>The sum of every trade's gross profit or loss.</summary>
    public decimal TotalProfitLoss { get; init; }

    /// <summary>The sum of the winning trades' profits (zero or positive).</summary>
    public decimal TotalProfit { get; init; }

    /// <summary>The sum of the losing trades' losses (zero or negative).</summary>
    public decimal TotalLoss { get; init; }

    /// <summary>The best single trade's profit; zero when no trade won.</summary>
    public decimal LargestProfit { get; init; }

    /// <summary>The worst single trade's loss (negative); zero when no trade lost money.</summary>
    public decimal LargestLoss { get; init; }

    /// <summary>The mean profit or loss per trade: the expectancy a strategy must keep above its costs.</summary>
    public decimal AverageProfitLoss { get; init; }

    /// <summary>The mean profit of the winning trades.</summary>
    public decimal AverageProfit { get; init; }

    /// <summary>The mean loss of the losing trades (zero or negative).</summary>
    public decimal AverageLoss { get; init; }

    /// <summary>The mean time a position stayed open, which sets how much capital a strategy ties up.</summary>
    public TimeSpan AverageTradeDuration { get; init; }

    /// <summary>The mean time winners stayed open; compared with losers it shows whether losses are cut early.</summary>
    public TimeSpan AverageWinningTradeDuration { get; init; }

    /// <summary>The mean time losers stayed open.</summary>
    public TimeSpan AverageLosingTradeDuration { get; init; }

    /// <summary>The longest run of winning trades in a row.</summary>
    public int MaximumConsecutiveWinningTrades { get; init; }

    /// <summary>The longest run of losing trades in a row: how long a losing streak a trader must sit through.</summary>
    public int MaximumConsecutiveLosingTrades { get; init; }

    /// <summary>The average profit divided by the size of the average loss; 0 when there is no average loss.</summary>
    public decimal ProfitLossRatio { get; init; }

    /// <summary>Winning trades per losing trade; 10 when trades won and none lost, 0 when there are no trades.</summary>
    public decimal WinLossRatio { get; init; }

    /// <summary>The fraction of trades that won (0 to 1).</summary>
    public decimal WinRate { get; init; }

    /// <summary>The fraction of trades that lost: 1 minus <see cref="WinRate"/>, or 0 when there are no trades.</summary>
    public decimal LossRate { get; init; }

    /// <summary>The mean maximum adverse excursion (zero or negative).</summary>
    public decimal AverageMaximumAdverseExcursion { get; init; }

    /// <summary>The mean maximum favorable excursion (zero or positive).</summary>
    public decimal AverageMaximumFavorableExcursion { get; init; }

    /// <summary>The deepest maximum adverse excursion of any trade (the most negative).</summary>
    public decimal LargestMaximumAdverseExcursion { get; init; }

    /// <summary>The highest maximum favorable excursion of any trade.</summary>
    public decimal LargestMaximumFavorableExcursion { get; init; }

    /// <summary>
    /// The deepest fall of cumulative closed profit below its previous high (zero or negative). Only exits count,
    /// so this is what an account that marks positions only when closed would have shown.
    /// </summary>
    public decimal MaximumClosedTradeDrawdown { get; init; }

    /// <summary>
    /// The deepest fall including what open trades went through: cumulative profit plus a trade's adverse excursion,
    /// measured from the highest cumulative profit plus favorable excursion seen so far (zero or negative).
    /// </summary>
    public decimal MaximumIntraTradeDrawdown { get; init; }

    /// <summary>The sample standard deviation (n − 1) of per-trade profit or loss; 0 with fewer than two trades.</summary>
    public decimal ProfitLossStandardDeviation { get; init; }

    /// <summary>
    /// The sample standard deviation of the losing trades around their own mean (Lean's definition, not a
    /// semi-deviation around zero); 0 with fewer than two losing trades.
    /// </summary>
    public decimal ProfitLossDownsideDeviation { get; init; }

    /// <summary>
    /// Total profit divided by the size of total loss: money made per unit lost. 0 when nothing was made, 10 when
    /// something was made and nothing lost.
    /// </summary>
    public decimal ProfitFactor { get; init; }

    /// <summary>
    /// The average profit or loss per trade divided by its standard deviation: a per-trade, not annualised, Sharpe
    /// ratio with no risk-free rate; 0 when the standard deviation is 0.
    /// </summary>
    public decimal SharpeRatio { get; init; }

    /// <summary>The average profit or loss per trade divided by <see cref="ProfitLossDownsideDeviation"/>; 0 when that is 0.</summary>
    public decimal SortinoRatio { get; init; }

    /// <summary>
    /// Total profit or loss divided by the size of <see cref="MaximumClosedTradeDrawdown"/>: how many drawdowns the
    /// strategy earned back. 0 when the total is 0, 10 when there was no drawdown.
    /// </summary>
    public decimal ProfitToMaximumDrawdownRatio { get; init; }

    /// <summary>
    /// The largest <see cref="ClosedTrade.EndTradeDrawdown"/> of any trade: the most open profit a single trade gave
    /// back before its exit, as a magnitude (zero or positive).
    /// </summary>
    public decimal MaximumEndTradeDrawdown { get; init; }

    /// <summary>
    /// <see cref="AverageProfitLoss"/> minus <see cref="AverageMaximumFavorableExcursion"/>: the open profit the
    /// average trade gave back, as Lean signs it (zero or negative, unlike <see cref="MaximumEndTradeDrawdown"/>).
    /// </summary>
    public decimal AverageEndTradeDrawdown { get; init; }

    /// <summary>
    /// The longest time from a high of cumulative closed profit to the exit of the winning trade that set a new high.
    /// The clock starts at the first trade's entry; a drawdown that is never recovered is not counted, following Lean.
    /// </summary>
    public TimeSpan MaximumDrawdownDuration { get; init; }

    /// <summary>The sum of every trade's fees; reported apart from profit and loss.</summary>
    public decimal TotalFees { get; init; }

    /// <summary>
    /// Computes the statistics of <paramref name="trades"/>, taken in the order given (the order they closed).
    /// An empty list gives all zeros and null times.
    /// </summary>
    /// <param name="trades">The closed trades, in order of exit.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="trades"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">When a trade exits before it enters.</exception>
    public static TradeStatistics Compute(IReadOnlyList<ClosedTrade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var accumulator = new TradeStatisticsAccumulator();
        for (var index = 0; index < trades.Count; index++)
        {
            var trade = trades[index] ?? throw new ArgumentNullException(nameof(trades), $"Trade {index} is null.");
            if (trade.ExitTime < trade.EntryTime)
            {
                throw new ArgumentException($"Trade {index} ({trade.Symbol}) exits at {trade.ExitTime:O}, before it enters at {trade.EntryTime:O}.", nameof(trades));
            }

            accumulator.Add(trade);
        }

        return accumulator.ToStatistics();
    }
}
