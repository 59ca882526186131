using PluginBot.Indicators;
using PluginBot.Sdk.Market;

namespace PluginBot.Engine.Exits;

/// <summary>
/// What the exit manager knows about one symbol: the open position's entry (first fill, entered quantity, entry
/// time), the best price since, the stop level, which profit targets have filled, and the exit orders now working.
/// Arrays are sized once per symbol so the per-bar path does not allocate.
/// </summary>
internal sealed class PositionExitState
{
    public PositionExitState(string symbol, ExitPolicy policy, int targetCount)
    {
        Symbol = symbol;
        if (policy.StopLoss is { AverageTrueRangeMultiple: not null } stop)
        {
            StopRange = new AverageTrueRange(stop.AverageTrueRangePeriod);
        }

        if (policy.TrailingStop?.Distance is { AverageTrueRangeMultiple: not null } trailing)
        {
            TrailingRange = StopRange is { } shared && shared.Period == trailing.AverageTrueRangePeriod
                ? shared
                : new AverageTrueRange(trailing.AverageTrueRangePeriod);
        }

        TargetFilled = new bool[targetCount];
        TargetOrderIds = new string?[targetCount];
        TargetOrderPrices = new decimal[targetCount];
        TargetOrderQuantities = new decimal[targetCount];
        DesiredTargetPrices = new decimal[targetCount];
        DesiredTargetQuantities = new decimal[targetCount];
    }

    public string Symbol { get; }

    /// <summary>The average true range the stop loss is measured in, when it is measured in one.</summary>
    public AverageTrueRange? StopRange { get; }

    /// <summary>The average true range the trailing stop is measured in, when it is measured in one.</summary>
    public AverageTrueRange? TrailingRange { get; }

    /// <summary>+1 long, −1 short, 0 when no position is being managed.</summary>
    public int Side { get; set; }

    public decimal FirstEntryPrice { get; set; }

    public decimal FirstQuantity { get; set; }

    /// <summary>Everything bought (sold, for a short) into this position: the first fill plus scale-ins.</summary>
    public decimal EnteredQuantity { get; set; }

    /// <summary>The first fill's time: the holding period counts from here.</summary>
    public DateTime EntryTime { get; set; }

    /// <summary>Highest high (long) or lowest low (short) since entry.</summary>
    public decimal BestPrice { get; set; }

    /// <summary>The average entry price the stop loss was last measured from; null forces a new measurement.</summary>
    public decimal? StopBasis { get; set; }

    public decimal? StopLevel { get; set; }

    public ExitReason StopReason { get; set; }

    public int ScaleIns { get; set; }

    public bool[] TargetFilled { get; }

    public string? StopOrderId { get; set; }

    public decimal StopOrderPrice { get; set; }

    public decimal StopOrderQuantity { get; set; }

    public string?[] TargetOrderIds { get; }

    public decimal[] TargetOrderPrices { get; }

    public decimal[] TargetOrderQuantities { get; }

    public decimal[] DesiredTargetPrices { get; }

    public decimal[] DesiredTargetQuantities { get; }

    /// <summary>The working time or weekend exit (a market order), if any.</summary>
    public string? MarketExitOrderId { get; set; }

    /// <summary>True once an unplaceable exit has been recorded for this position, so it is recorded once and not on every bar.</summary>
    public bool ReportedUnplaceable { get; set; }

    public bool HasWorkingOrders
    {
        get
        {
            if (StopOrderId is not null || MarketExitOrderId is not null)
            {
                return true;
            }

            for (var index = 0; index < TargetOrderIds.Length; index++)
            {
                if (TargetOrderIds[index] is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Feeds the bar to the average true ranges, which must see every bar, flat or not, to be ready at entry.</summary>
    public void Observe(in Bar bar)
    {
        if (StopRange is null && TrailingRange is null)
        {
            return;
        }

        var sample = BarSample.From(in bar);
        StopRange?.Update(in sample);
        if (TrailingRange is { } trailing && !ReferenceEquals(trailing, StopRange))
        {
            trailing.Update(in sample);
        }
    }

    /// <summary>Starts managing a new position from its first fill. Working orders of an earlier position stay tracked until cancelled.</summary>
    public void Arm(int side, decimal price, decimal quantity, DateTime time)
    {
        Side = side;
        FirstEntryPrice = price;
        FirstQuantity = quantity;
        EnteredQuantity = quantity;
        EntryTime = time;
        BestPrice = price;
        StopBasis = null;
        StopLevel = null;
        StopReason = ExitReason.StopLoss;
        ScaleIns = 0;
        ReportedUnplaceable = false;
        Array.Clear(TargetFilled);
    }

    /// <summary>Stops managing: the position is flat.</summary>
    public void Disarm() => Side = 0;

    /// <summary>Forgets a working order that became final.</summary>
    public void Forget(string clientOrderId)
    {
        if (StopOrderId == clientOrderId)
        {
            StopOrderId = null;
            return;
        }

        if (MarketExitOrderId == clientOrderId)
        {
            MarketExitOrderId = null;
            return;
        }

        for (var index = 0; index < TargetOrderIds.Length; index++)
        {
            if (TargetOrderIds[index] == clientOrderId)
            {
                TargetOrderIds[index] = null;
                return;
            }
        }
    }
}
