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
    /// <summary>Impact coefficient, not negative.</summary>
    public decimal PriceImpact { get; init; } = PriceImpact >= 0
        ? PriceImpact
        : throw new ArgumentOutOfRangeException(nameof(PriceImpact), PriceImpact, "Price impact must not be negative.");

    /// <summary>The largest volume share counted, between 0 and 1.</summary>
    public decimal VolumeLimit { get; init; } = VolumeLimit is >= 0 and <= 1
        ? VolumeLimit
        : throw new ArgumentOutOfRangeException(nameof(VolumeLimit), VolumeLimit, "The volume limit must be between 0 and 1.");

    /// <inheritdoc />
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"volume share (impact {PriceImpact}, limit {VolumeLimit})");

    /// <inheritdoc />
    public decimal Apply(OrderSide side, decimal referencePrice, decimal quantity, in Bar bar)
    {
        // A bar without volume gives no information about depth: charge the capped share.
        var share = bar.Volume > 0 ? Math.Min(quantity / bar.Volume, VolumeLimit) : VolumeLimit;
        var move = referencePrice * PriceImpact * share * share;
        return side == OrderSide.Buy ? referencePrice + move : referencePrice - move;
    }
}
