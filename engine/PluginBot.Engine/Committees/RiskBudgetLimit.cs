using System.Globalization;
using System.Text;
using PluginBot.Sdk.Instruments;

namespace PluginBot.Engine.Committees;

/// <summary>
/// Holds a new position to the committee's per-expert risk budgets. With target notional T, shares s_e (see
/// <see cref="ExpertAttribution"/>) and budgets F_e (fractions of equity, ∞ without one), the allowed notional is
/// Σ_e min(s_e × T, F_e × equity): each expert's part of the position is capped at its own budget, and the other
/// experts' parts are not enlarged to make up for it, because the position they asked for was only their share.
/// </summary>
/// <remarks>
/// Only entries and increases are limited (the execution engine decides which); a reduction lowers every expert's
/// part and is never cut. Quantities are rounded down to the lot, so the allowed notional is never exceeded, and a
/// cut quantity the exchange would refuse (below the minimum quantity or notional) becomes zero: not sized.
/// </remarks>
public static class RiskBudgetLimit
{
    /// <summary>Σ min(s_e × T, F_e × equity), clamped to [0, T]; each term is at least 0 (a negative equity allows nothing).</summary>
    /// <param name="shares">Each expert's share of the decision.</param>
    /// <param name="fractions">Each expert's budget as a fraction of equity; <see cref="double.PositiveInfinity"/> for none.</param>
    /// <param name="targetNotional">The sized target's notional (positive).</param>
    /// <param name="equity">The account's equity now.</param>
    /// <exception cref="ArgumentException">Not as many budgets as shares.</exception>
    public static decimal AllowedNotional(ReadOnlySpan<double> shares, ReadOnlySpan<double> fractions, decimal targetNotional, decimal equity)
    {
        if (shares.Length != fractions.Length)
        {
            throw new ArgumentException($"Expected {shares.Length} budgets (one per share), got {fractions.Length}.", nameof(fractions));
        }

        if (targetNotional <= 0)
        {
            return 0;
        }

        var allowed = 0m;
        for (var expert = 0; expert < shares.Length; expert++)
        {
            var requested = Requested(shares[expert], targetNotional);
            allowed += Math.Max(0m, Math.Min(requested, Budget(fractions[expert], equity, requested)));
        }

        return Math.Min(allowed, targetNotional);
    }

    /// <summary>
    /// The largest legal quantity, at most <paramref name="targetQuantity"/>, whose notional stays within
    /// <see cref="AllowedNotional"/>; 0 when that quantity would be below the instrument's minimums.
    /// </summary>
    /// <param name="shares">Each expert's share of the decision.</param>
    /// <param name="fractions">Each expert's budget as a fraction of equity; ∞ for none.</param>
    /// <param name="targetQuantity">The sized target quantity (unsigned, whole lots).</param>
    /// <param name="price">The price the target is valued at (the decision bar's close).</param>
    /// <param name="rules">The instrument's lot, minimums and contract multiplier.</param>
    /// <param name="equity">The account's equity now.</param>
    public static decimal AllowedQuantity(ReadOnlySpan<double> shares, ReadOnlySpan<double> fractions, decimal targetQuantity, decimal price, InstrumentRules rules, decimal equity)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var unitValue = price * rules.ContractMultiplier;
        if (targetQuantity <= 0 || unitValue <= 0)
        {
            return 0;
        }

        var allowed = AllowedNotional(shares, fractions, targetQuantity * unitValue, equity);
        return Legal(Fit(allowed, targetQuantity, unitValue, rules), price, rules);
    }

    /// <summary>
    /// Limits a target for the engine: the allowed quantity (see <see cref="AllowedQuantity"/>) and, when a budget
    /// bound, the reason for the decision record naming each bound expert with its share, budget and the numbers.
    /// </summary>
    /// <param name="attribution">The symbol's latest decision's shares and the roster's budgets.</param>
    /// <param name="targetQuantity">The sized target quantity (unsigned, whole lots).</param>
    /// <param name="price">The decision bar's close.</param>
    /// <param name="rules">The instrument's rules.</param>
    /// <param name="equity">The account's equity now.</param>
    /// <param name="allowedQuantity">The quantity the budgets allow (unsigned); equal to the target when none bound.</param>
    /// <returns>Null when no budget bound (the target is unchanged and nothing is allocated), otherwise the reason.</returns>
    public static string? Apply(ExpertAttribution attribution, decimal targetQuantity, decimal price, InstrumentRules rules, decimal equity, out decimal allowedQuantity)
    {
        ArgumentNullException.ThrowIfNull(attribution);
        ArgumentNullException.ThrowIfNull(rules);
        var shares = attribution.Shares;
        var fractions = attribution.Budgets.Fractions;
        var unitValue = price * rules.ContractMultiplier;
        allowedQuantity = targetQuantity;
        if (targetQuantity <= 0 || unitValue <= 0)
        {
            return null;
        }

        var target = targetQuantity * unitValue;
        var allowed = AllowedNotional(shares, fractions, target, equity);
        if (allowed >= target)
        {
            return null;
        }

        var fitted = Fit(allowed, targetQuantity, unitValue, rules);
        allowedQuantity = Legal(fitted, price, rules);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"expert risk budgets allow {Money(allowed)} of the {Money(target)} {rules.QuoteCurrency} target");
        var separator = ": ";
        for (var expert = 0; expert < shares.Length; expert++)
        {
            var requested = Requested(shares[expert], target);
            var budget = Budget(fractions[expert], equity, requested);
            if (budget < requested)
            {
                text.Append(separator).Append(CultureInfo.InvariantCulture,
                    $"{attribution.Budgets.ExpertNames[expert]}'s share {Number(shares[expert])} ({Money(requested)}) is capped by its budget {Number(fractions[expert])} × equity {Money(equity)} = {Money(Math.Max(0m, budget))}");
                separator = "; ";
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"; quantity cut from {Quantity(targetQuantity)} to {Quantity(fitted)}");
        if (fitted == 0)
        {
            text.Append(", less than one lot, so no position is opened");
        }
        else if (allowedQuantity == 0 && rules.Check(fitted, price, priceIsOrderPrice: false) is { } refusal)
        {
            text.Append(CultureInfo.InvariantCulture, $", which the exchange would refuse ({refusal}), so no position is opened");
        }

        return text.ToString();
    }

    // s × T, with a share outside [0, 1] (never produced by the attribution) treated as the nearest bound.
    private static decimal Requested(double share, decimal target) => (decimal)Math.Clamp(double.IsFinite(share) ? share : 0, 0, 1) * target;

    // F × equity; no budget (∞) never binds, so it is reported as the requested part itself.
    private static decimal Budget(double fraction, decimal equity, decimal requested) =>
        double.IsPositiveInfinity(fraction) ? requested : (decimal)fraction * equity;

    // Whole lots, at most the target, whose value is within the allowed notional (decimal division may round up in its
    // last digit, so the product is checked and one lot given back if it overshoots).
    private static decimal Fit(decimal allowed, decimal targetQuantity, decimal unitValue, InstrumentRules rules)
    {
        var quantity = Math.Min(rules.RoundQuantityDown(allowed / unitValue), targetQuantity);
        while (quantity > 0 && quantity * unitValue > allowed)
        {
            quantity -= rules.LotSize;
        }

        return Math.Max(quantity, 0m);
    }

    private static decimal Legal(decimal quantity, decimal price, InstrumentRules rules) =>
        quantity > 0 && rules.Check(quantity, price, priceIsOrderPrice: false) is null ? quantity : 0m;

    private static string Money(decimal value) => Math.Round(value, 2, MidpointRounding.ToZero).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Quantity(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
