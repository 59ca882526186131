using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.Comparison;

/// <summary>The return a decision earned, the number A/B statistics are kept on.</summary>
public static class DecisionReturn
{
    /// <summary>
    /// The return of the position a decision asked for, per unit of capital and before costs: the asset's simple
    /// return for Long, its negative for Short, 0 for anything else. Size is left out on purpose, so two expert sets
    /// are compared on their calls, not on how the sizer scaled them.
    /// </summary>
    /// <param name="direction">The decision's direction.</param>
    /// <param name="entryPrice">The price the decision was made at.</param>
    /// <param name="exitPrice">The price at the end of the span it is judged over (usually the next close).</param>
    /// <exception cref="ArgumentOutOfRangeException">A price is not positive and finite.</exception>
    public static double Of(SignalDirection direction, double entryPrice, double exitPrice)
    {
        if (!(double.IsFinite(entryPrice) && entryPrice > 0) || !(double.IsFinite(exitPrice) && exitPrice > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(entryPrice), "Prices must be positive and finite.");
        }

        var assetReturn = (exitPrice / entryPrice) - 1;
        return direction switch
        {
            SignalDirection.Long => assetReturn,
            SignalDirection.Short => -assetReturn,
            _ => 0,
        };
    }
}
