using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Exchange;

/// <summary>A constant slippage of a number of basis points against the order.</summary>
/// <param name="BasisPoints">Slippage in basis points of the reference price (0 for none).</param>
public sealed record FixedBasisPointsSlippage(decimal BasisPoints) : ISlippageModel
{
    /// <summary>Slippage in basis points; not negative, since slippage never favours the order.</summary>
    public decimal BasisPoints { get; init; } = BasisPoints >= 0
        ? BasisPoints
        : throw new ArgumentOutOfRangeException(nameof(BasisPoints), BasisPoints, "Slippage must not be negative.");

    /// <inheritdoc />
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"fixed {BasisPoints} bps");

    /// <summary>No slippage.</summary>
    public static FixedBasisPointsSlippage None { get; } = new(0m);

    /// <inheritdoc />
    public decimal Apply(OrderSide side, decimal referencePrice, decimal quantity, in Bar bar)
    {
        var move = referencePrice * BasisPoints / 10_000m;
        return side == OrderSide.Buy ? referencePrice + move : referencePrice - move;
    }
}
