using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Exchange;

/// <summary>
/// How an order trades against one bar when all that is known of the bar is its open, high, low and close.
/// The rules never use a price the order could not have seen, and resolve gaps in the order's disfavour.
/// <list type="bullet">
/// <item>Market: the open of the first bar starting after the order arrives (slippage applies).</item>
/// <item>Limit buy at L arriving with the bar: if the bar opens at or below L it is marketable and fills at the
/// open as a taker; otherwise it rests and fills at L as a maker when the low reaches L. A resting limit (from an
/// earlier bar) fills at L even when a bar opens through it: on a continuous venue the resting bid is hit at its
/// price on the way down, so the gap's better price is not credited. An immediate-or-cancel or fill-or-kill limit
/// only fills when marketable at the open of its arrival bar. Sell is the mirror image.</item>
/// <item>Stop-market buy at S: if the bar opens at or above S it fills at the open (a gap through the stop: the
/// worse price), otherwise at S when the high reaches S. Taker; slippage applies. Sell is the mirror image.</item>
/// <item>Stop-limit buy (S, L): the stop triggers as a stop-market would, at the open when gapped through, else at S.
/// If the trigger price is within the limit it fills there (taker); otherwise it rests from the next bar on as a
/// limit at L. Sell is the mirror image.</item>
/// </list>
/// </summary>
public static class BarFillRules
{
    /// <summary>Decides whether and at what price <paramref name="order"/> trades on <paramref name="bar"/>.</summary>
    /// <param name="order">The order.</param>
    /// <param name="bar">The first or a later bar the order is eligible for.</param>
    /// <param name="arrivedThisBar">True on the first eligible bar: a limit that is marketable then is a taker.</param>
    /// <param name="triggered">True when a stop-limit's stop was touched on an earlier bar.</param>
    public static BarFillOutcome Evaluate(OrderRequest order, in Bar bar, bool arrivedThisBar, bool triggered)
    {
        var buy = order.Side == OrderSide.Buy;
        switch (order.Type)
        {
            case OrderType.Market:
                return new BarFillOutcome(true, bar.Open, LiquidityRole.Taker, false, true);

            case OrderType.Limit when order.TimeInForce != TimeInForce.GoodTillCancelled:
            {
                // Immediate-or-cancel and fill-or-kill never rest: only the arrival open can fill them.
                var limit = order.LimitPrice!.Value;
                var marketable = arrivedThisBar && (buy ? bar.Open <= limit : bar.Open >= limit);
                return marketable
                    ? new BarFillOutcome(true, bar.Open, LiquidityRole.Taker, false, false)
                    : BarFillOutcome.NoFill(false);
            }

            case OrderType.Limit:
                return EvaluateLimit(buy, order.LimitPrice!.Value, in bar, arrivedThisBar, triggered);

            case OrderType.StopMarket:
            {
                var stop = order.StopPrice!.Value;
                if (TryTrigger(buy, stop, in bar, out var triggerPrice))
                {
                    return new BarFillOutcome(true, triggerPrice, LiquidityRole.Taker, true, true);
                }

                return BarFillOutcome.NoFill(false);
            }

            case OrderType.StopLimit:
            {
                var limit = order.LimitPrice!.Value;
                if (triggered)
                {
                    return EvaluateLimit(buy, limit, in bar, arrivedThisBar: false, triggered: true);
                }

                if (!TryTrigger(buy, order.StopPrice!.Value, in bar, out var triggerPrice))
                {
                    return BarFillOutcome.NoFill(false);
                }

                var withinLimit = buy ? triggerPrice <= limit : triggerPrice >= limit;
                return withinLimit
                    ? new BarFillOutcome(true, triggerPrice, LiquidityRole.Taker, true, false)
                    : BarFillOutcome.NoFill(true);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(order), order.Type, "Unknown order type.");
        }
    }

    private static BarFillOutcome EvaluateLimit(bool buy, decimal limit, in Bar bar, bool arrivedThisBar, bool triggered)
    {
        var openThrough = buy ? bar.Open <= limit : bar.Open >= limit;
        if (openThrough)
        {
            return arrivedThisBar
                ? new BarFillOutcome(true, bar.Open, LiquidityRole.Taker, triggered, false)
                : new BarFillOutcome(true, limit, LiquidityRole.Maker, triggered, false);
        }

        var touched = buy ? bar.Low <= limit : bar.High >= limit;
        return touched
            ? new BarFillOutcome(true, limit, LiquidityRole.Maker, triggered, false)
            : BarFillOutcome.NoFill(triggered);
    }

    private static bool TryTrigger(bool buy, decimal stop, in Bar bar, out decimal triggerPrice)
    {
        if (buy ? bar.Open >= stop : bar.Open <= stop)
        {
            triggerPrice = bar.Open;
            return true;
        }

        if (buy ? bar.High >= stop : bar.Low <= stop)
        {
            triggerPrice = stop;
            return true;
        }

        triggerPrice = 0m;
        return false;
    }
}
