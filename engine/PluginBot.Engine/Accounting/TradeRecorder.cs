using PluginBot.Engine.Exits;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;
using PluginBot.Statistics;

namespace PluginBot.Engine.Accounting;

/// <summary>
/// Groups fills into round trips (flat to flat; a flip closes one trade and opens the next) and tracks each
/// open trade's maximum adverse and favourable excursion from the bars it lives through.
/// </summary>
public sealed class TradeRecorder
{
    private readonly Dictionary<string, OpenTrade> open = new(StringComparer.Ordinal);
    private readonly List<ClosedTrade> closed = [];
    private readonly List<ExitReason> exitReasons = [];

    /// <summary>Every completed round trip, in closing order.</summary>
    public IReadOnlyList<ClosedTrade> ClosedTrades => closed;

    /// <summary>
    /// Why each round trip in <see cref="ClosedTrades"/> ended (same index): the reason of the fill that closed it,
    /// <see cref="ExitReason.Signal"/> when the strategy closed or flipped it itself.
    /// </summary>
    public IReadOnlyList<ExitReason> ExitReasons => exitReasons;

    /// <summary>Number of round trips still open.</summary>
    public int OpenTradeCount => open.Count;

    /// <summary>
    /// Books a fill that moved the position from <paramref name="positionBefore"/>, realising
    /// <paramref name="realized"/> profit or loss; <paramref name="exitReason"/> is why the fill's order was sent.
    /// </summary>
    public void OnFill(Fill fill, decimal positionBefore, decimal realized, ExitReason exitReason = ExitReason.Signal)
    {
        var signed = fill.SignedQuantity;
        var positionAfter = positionBefore + signed;
        open.TryGetValue(fill.Symbol, out var trade);
        if (trade is null || positionBefore == 0)
        {
            trade = Open(fill, Math.Abs(signed), fill.Fee);
            return;
        }

        var adding = Math.Sign(positionBefore) == Math.Sign(signed);
        if (adding)
        {
            trade.EntryQuantity += fill.Quantity;
            trade.EntryNotional += fill.Quantity * fill.Price;
            trade.Fees += fill.Fee;
            return;
        }

        var closing = Math.Min(fill.Quantity, Math.Abs(positionBefore));
        var closingFee = fill.Fee * closing / fill.Quantity;
        trade.ExitQuantity += closing;
        trade.ExitNotional += closing * fill.Price;
        trade.RealizedProfitLoss += realized;
        trade.Fees += closingFee;
        if (positionAfter == 0 || Math.Sign(positionAfter) != Math.Sign(positionBefore))
        {
            closed.Add(trade.Close(fill.Time));
            exitReasons.Add(exitReason);
            open.Remove(fill.Symbol);
            if (positionAfter != 0)
            {
                Open(fill, Math.Abs(positionAfter), fill.Fee - closingFee);
            }
        }
    }

    /// <summary>Updates the excursions of the symbol's open trade with a bar's range, given the position's state.</summary>
    public void OnBar(in Bar bar, Position position)
    {
        if (position.Quantity == 0 || !open.TryGetValue(bar.Symbol, out var trade))
        {
            return;
        }

        var atHigh = trade.RealizedProfitLoss + (position.Quantity * (bar.High - position.AveragePrice) * position.ContractMultiplier);
        var atLow = trade.RealizedProfitLoss + (position.Quantity * (bar.Low - position.AveragePrice) * position.ContractMultiplier);
        var best = Math.Max(atHigh, atLow);
        var worst = Math.Min(atHigh, atLow);
        if (best > trade.MaximumFavorableExcursion)
        {
            trade.MaximumFavorableExcursion = best;
        }

        if (worst < trade.MaximumAdverseExcursion)
        {
            trade.MaximumAdverseExcursion = worst;
        }
    }

    private OpenTrade Open(Fill fill, decimal quantity, decimal fee)
    {
        var direction = fill.Side == OrderSide.Buy ? TradeDirection.Long : TradeDirection.Short;
        var trade = new OpenTrade(fill.Symbol, direction, fill.Time)
        {
            EntryQuantity = quantity,
            EntryNotional = quantity * fill.Price,
            Fees = fee,
        };
        open[fill.Symbol] = trade;
        return trade;
    }
}
