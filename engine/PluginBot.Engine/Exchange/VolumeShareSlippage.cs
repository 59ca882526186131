using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Exchange;

/// <summary>
/// Slippage that grows with the order's share of the bar's volume: price × impact × share², with the share
/// capped at <see cref="VolumeLimit"/>. Small orders barely move the price; an order the size of the bar moves it a lot.
/// </summary>
/// <param name="PriceImpact">Impact coefficient (0.1 means a share of 1 moves the price 10 %).</param>
/// <param name="VolumeLimit">The largest volume share counted.</param>
public sealed record VolumeShareSlippage(decimal PriceImpact = 0.1m, decimal VolumeLimit = 0.025m) : ISlippageModel
{
    /// <inheritdoc />
    public decimal Apply(OrderSide side, decimal referencePrice, decimal quantity, in Bar bar)
    {
        // A bar without volume gives no information about depth: charge the capped share.
        var share = bar.Volume > 0 ? Math.Min(quantity / bar.Volume, VolumeLimit) : VolumeLimit;
        var move = referencePrice * PriceImpact * share * share;
        return side == OrderSide.Buy ? referencePrice + move : referencePrice - move;
    }
}
