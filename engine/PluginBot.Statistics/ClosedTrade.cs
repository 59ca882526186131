namespace PluginBot.Statistics;

/// <summary>
/// One round trip, from the fill that opened a position to the fill that closed it. Trade statistics are computed
/// from a list of these, so the record carries everything the statistics need and nothing the engine could change
/// afterwards. Money is <see cref="decimal"/> so totals add up exactly to the cent.
/// </summary>
/// <remarks>
/// Each property checks its own value when set so that a bad trade fails where it is built, not later inside a
/// report. Times are UTC: a <see cref="DateTimeKind.Local"/> time is rejected because it would silently shift
/// durations across daylight-saving changes (unspecified kinds are taken to be UTC, as the market data loaders
/// produce them). Whether the exit follows the entry needs both values, so
/// <see cref="TradeStatistics.Compute(IReadOnlyList{ClosedTrade})"/> checks that.
/// </remarks>
public sealed record ClosedTrade
{
    /// <summary>The instrument traded, for example "BTCUSDT".</summary>
    public required string Symbol
    {
        get;
        init => field = string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException("A trade needs a symbol.", nameof(Symbol))
            : value;
    }

    /// <summary>The UTC time of the fill that opened the position.</summary>
    public required DateTime EntryTime
    {
        get;
        init => field = RequireUniversalTime(value, nameof(EntryTime));
    }

    /// <summary>The UTC time of the fill that closed the position; not before <see cref="EntryTime"/>.</summary>
    public required DateTime ExitTime
    {
        get;
        init => field = RequireUniversalTime(value, nameof(ExitTime));
    }

    /// <summary>Whether the trade was long or short.</summary>
    public required TradeDirection Direction { get; init; }

    /// <summary>The size of the position, positive: the sign lives in <see cref="Direction"/>.</summary>
    public required decimal Quantity
    {
        get;
        init => field = value > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Quantity), value, "The quantity of a trade must be positive.");
    }

    /// <summary>The average price of the opening fills.</summary>
    public required decimal EntryPrice { get; init; }

    /// <summary>The average price of the closing fills.</summary>
    public required decimal ExitPrice { get; init; }

    /// <summary>
    /// The gross profit (positive) or loss (negative) of the round trip in the quote currency, before fees. Fees are
    /// kept apart in <see cref="TotalFees"/> so that a strategy's edge and its cost of trading can be judged separately.
    /// </summary>
    public required decimal ProfitLoss { get; init; }

    /// <summary>
    /// Everything paid to trade (commissions and exchange fees) for both legs, in the quote currency. Usually
    /// positive; a maker rebate may make it negative, so no sign is enforced.
    /// </summary>
    public required decimal TotalFees { get; init; }

    /// <summary>
    /// The worst unrealised profit or loss seen while the position was open (zero or negative). It tells how much
    /// pain the trade asked for before it paid, which a stop-loss must be wider than to keep the trade.
    /// </summary>
    public required decimal MaximumAdverseExcursion
    {
        get;
        init => field = value <= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaximumAdverseExcursion), value, "The maximum adverse excursion is zero or negative.");
    }

    /// <summary>
    /// The best unrealised profit or loss seen while the position was open (zero or positive). Compared with
    /// <see cref="ProfitLoss"/> it tells how much of the move the exit captured.
    /// </summary>
    public required decimal MaximumFavorableExcursion
    {
        get;
        init => field = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaximumFavorableExcursion), value, "The maximum favorable excursion is zero or positive.");
    }

    /// <summary>
    /// How much open profit the trade gave back between its best point and its exit, as a magnitude (zero or
    /// positive; normally <see cref="MaximumFavorableExcursion"/> minus <see cref="ProfitLoss"/>). It is stored rather
    /// than derived because the engine measures it on prices it saw, which may differ from the fill prices.
    /// </summary>
    public required decimal EndTradeDrawdown
    {
        get;
        init => field = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(EndTradeDrawdown), value, "The end-trade drawdown is a magnitude: zero or positive.");
    }

    /// <summary>How long the position was open: <see cref="ExitTime"/> minus <see cref="EntryTime"/>.</summary>
    public TimeSpan Duration => ExitTime - EntryTime;

    private static DateTime RequireUniversalTime(DateTime value, string name) =>
        value.Kind == DateTimeKind.Local
            ? throw new ArgumentException("Trade times are UTC; a local time would shift durations across daylight-saving changes.", name)
            : value;
}
