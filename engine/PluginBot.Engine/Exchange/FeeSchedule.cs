using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Exchange;

/// <summary>Maker and taker fees in basis points of notional. Binance spot's default is 10 bps (0.1 %) for both.</summary>
/// <param name="MakerBasisPoints">Fee for fills that rested on the book.</param>
/// <param name="TakerBasisPoints">Fee for fills that crossed the spread.</param>
public sealed record FeeSchedule(decimal MakerBasisPoints, decimal TakerBasisPoints)
{
    /// <summary>Fee for resting fills in basis points; not negative (rebates are not modelled).</summary>
    public decimal MakerBasisPoints { get; init; } = MakerBasisPoints >= 0
        ? MakerBasisPoints
        : throw new ArgumentOutOfRangeException(nameof(MakerBasisPoints), MakerBasisPoints, "A fee must not be negative.");

    /// <summary>Fee for crossing fills in basis points; not negative.</summary>
    public decimal TakerBasisPoints { get; init; } = TakerBasisPoints >= 0
        ? TakerBasisPoints
        : throw new ArgumentOutOfRangeException(nameof(TakerBasisPoints), TakerBasisPoints, "A fee must not be negative.");

    /// <summary>Binance spot's default: 0.1 % maker and taker.</summary>
    public static FeeSchedule BinanceSpotDefault { get; } = new(10m, 10m);

    /// <summary>The fee for a fill of <paramref name="notional"/> in the given role.</summary>
    public decimal FeeFor(decimal notional, LiquidityRole role) =>
        Math.Abs(notional) * (role == LiquidityRole.Maker ? MakerBasisPoints : TakerBasisPoints) / 10_000m;
}
