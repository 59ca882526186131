using PluginBot.Statistics;

namespace PluginBot.Engine.Accounting;

/// <summary>A round trip in progress: from leaving flat until returning to flat (or flipping side).</summary>
internal sealed class OpenTrade
{
    public OpenTrade(string symbol, TradeDirection direction, DateTime entryTime)
    {
        Symbol = symbol;
        Direction = direction;
        EntryTime = entryTime;
    }

    public string Symbol { get; }

    public TradeDirection Direction { get; }

    public DateTime EntryTime { get; }

    public decimal EntryQuantity { get; set; }

    public decimal EntryNotional { get; set; }

    public decimal ExitQuantity { get; set; }

    public decimal ExitNotional { get; set; }

    public decimal RealizedProfitLoss { get; set; }

    public decimal Fees { get; set; }

    public decimal MaximumAdverseExcursion { get; set; }

    public decimal MaximumFavorableExcursion { get; set; }

    public ClosedTrade Close(DateTime exitTime) => new()
    {
        Symbol = Symbol,
        EntryTime = EntryTime,
        ExitTime = exitTime,
        Direction = Direction,
        Quantity = EntryQuantity,
        EntryPrice = EntryNotional / EntryQuantity,
        ExitPrice = ExitNotional / ExitQuantity,
        ProfitLoss = RealizedProfitLoss,
        TotalFees = Fees,
        MaximumAdverseExcursion = Math.Min(MaximumAdverseExcursion, Math.Min(RealizedProfitLoss, 0m)),
        MaximumFavorableExcursion = Math.Max(MaximumFavorableExcursion, Math.Max(RealizedProfitLoss, 0m)),
        EndTradeDrawdown = Math.Max(MaximumFavorableExcursion, RealizedProfitLoss) - RealizedProfitLoss,
    };
}
