using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Exchange;

/// <summary>A constant slippage of a number of basis points against the order.</summary>
/// <param name="BasisPoints">Slippage in basis points of the reference price (0 for none).</param>
public sealed record FixedBasisPointsSlippage(decimal BasisPoints) : ISlippageModel
{
    /// <summary>No slippage.</summary>
    public static FixedBasisPointsSlippage None { get; } = new(0m);

    /// <inheritdoc />
    public decimal Apply(OrderSide side, decimal referencePrice, decimal quantity, in Bar bar)
    {
        var move = referencePrice * BasisPoints / 10_000m;
        return side == OrderSide.Buy ? referencePrice + move : referencePrice - move;
    }
}
