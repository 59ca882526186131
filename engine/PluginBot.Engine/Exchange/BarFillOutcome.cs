using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Exchange;

/// <summary>What one bar does to one working order under <see cref="BarFillRules"/>.</summary>
/// <param name="Fills">True when the order trades on this bar.</param>
/// <param name="Price">The price before slippage.</param>
/// <param name="Liquidity">Maker for resting limits, taker otherwise.</param>
/// <param name="Triggered">True when a stop-limit's stop was touched (now or before).</param>
/// <param name="Slips">True when the slippage model applies (market and stop-market fills).</param>
public readonly record struct BarFillOutcome(bool Fills, decimal Price, LiquidityRole Liquidity, bool Triggered, bool Slips)
{
    /// <summary>The order does not trade on this bar.</summary>
    public static BarFillOutcome NoFill(bool triggered) => new(false, 0m, LiquidityRole.Maker, triggered, false);
}
