using PluginBot.Indicators;

namespace PluginBot.Engine.Exits;

/// <summary>
/// How far a stop sits from its reference price: either a fixed fraction of that price, or a multiple of the
/// symbol's average true range, so the stop widens in volatile markets instead of being hit by ordinary noise.
/// </summary>
public sealed record PriceDistance
{
    private PriceDistance(decimal? fraction, decimal? averageTrueRangeMultiple, int averageTrueRangePeriod)
    {
        Fraction = fraction;
        AverageTrueRangeMultiple = averageTrueRangeMultiple;
        AverageTrueRangePeriod = averageTrueRangePeriod;
    }

    /// <summary>The distance as a fraction of the reference price (0.02 is 2 %), or null for an ATR distance.</summary>
    public decimal? Fraction { get; }

    /// <summary>The distance in average true ranges, or null for a fraction distance.</summary>
    public decimal? AverageTrueRangeMultiple { get; }

    /// <summary>The bars the average true range is taken over (0 for a fraction distance).</summary>
    public int AverageTrueRangePeriod { get; }

    /// <summary>A distance of <paramref name="fraction"/> of the reference price; between 0 and 1 exclusive.</summary>
    public static PriceDistance OfFraction(decimal fraction) =>
        fraction is > 0m and < 1m
            ? new PriceDistance(fraction, null, 0)
            : throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "A fraction distance must be above 0 and below 1.");

    /// <summary>A distance of <paramref name="multiple"/> average true ranges over <paramref name="period"/> bars.</summary>
    public static PriceDistance OfAverageTrueRange(decimal multiple, int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(multiple, 0m);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        return new PriceDistance(null, multiple, period);
    }

    /// <summary>
    /// The distance from <paramref name="price"/>, or null while the average true range is still warming up (a stop
    /// guessed from too few bars would be placed at a distance nobody chose).
    /// </summary>
    public decimal? From(decimal price, AverageTrueRange? averageTrueRange)
    {
        if (Fraction is { } fraction)
        {
            return price * fraction;
        }

        return averageTrueRange is { IsReady: true } ready ? AverageTrueRangeMultiple!.Value * (decimal)ready.Value : null;
    }
}
