using PluginBot.Sdk.Regimes;

namespace PluginBot.Plugins.RegimeRules;

/// <summary>
/// The documented rules that turn indicator readings into regime weights. Public and pure, so each rule can be
/// checked by hand and reused by a composite detector.
/// </summary>
/// <remarks>
/// Trend score: the mean of three scores in [0, 1], each 0.5 where its measure says "no better than a random walk":
/// <list type="bullet">
/// <item><description>ADX / 50, capped at 1: Wilder's usual trend threshold of 25 maps to 0.5.</description></item>
/// <item><description>
/// Efficiency ratio, rescaled piecewise-linearly so that 1/√n — what a random walk gives on average over n
/// changes — maps to 0.5, 0 to 0 and 1 to 1. Without the rescaling a random walk would read as strongly ranging.
/// </description></item>
/// <item><description>The Hurst exponent itself, clamped to [0, 1]: 0.5 is a random walk, above persists, below reverts.</description></item>
/// </list>
/// The three measure different things (directional dominance, path straightness, memory of increments), so an
/// equal-weight mean keeps any one of them from deciding alone.
/// <para>
/// Weights: trending gets the trend score and ranging its complement, so the two always share one unit of weight.
/// High volatility gets weight only when the volatility percentile is in the top tail, rising linearly from 0 at
/// the tail's edge to 1 at the 100th percentile; low volatility symmetrically in the bottom tail. At an extreme
/// percentile the volatility regime therefore ties the stronger of trending and ranging at best, and wins outright
/// unless the trend reading is itself extreme.
/// </para>
/// </remarks>
public static class RegimeScores
{
    /// <summary>The ADX level that maps to a neutral 0.5: Wilder's conventional trend threshold.</summary>
    public const double NeutralTrendStrength = 25;

    /// <summary>ADX mapped to [0, 1] so that <see cref="NeutralTrendStrength"/> is 0.5.</summary>
    public static double TrendStrengthScore(double averageDirectionalIndex) =>
        Math.Clamp(averageDirectionalIndex / (2 * NeutralTrendStrength), 0, 1);

    /// <summary>An efficiency ratio over <paramref name="period"/> changes mapped so that a random walk's 1/√n is 0.5.</summary>
    public static double EfficiencyScore(double efficiencyRatio, int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        var ratio = Math.Clamp(efficiencyRatio, 0, 1);
        var randomWalk = 1 / Math.Sqrt(period);
        return ratio <= randomWalk
            ? 0.5 * ratio / randomWalk
            : 0.5 + (0.5 * (ratio - randomWalk) / (1 - randomWalk));
    }

    /// <summary>The Hurst exponent clamped to [0, 1].</summary>
    public static double MemoryScore(double hurstExponent) => Math.Clamp(hurstExponent, 0, 1);

    /// <summary>The equal-weight mean of the three trend scores.</summary>
    public static double TrendScore(double averageDirectionalIndex, double efficiencyRatio, int efficiencyPeriod, double hurstExponent) =>
        (TrendStrengthScore(averageDirectionalIndex) + EfficiencyScore(efficiencyRatio, efficiencyPeriod) + MemoryScore(hurstExponent)) / 3;

    /// <summary>Combines a volatility percentile and a trend score into normalised regime probabilities.</summary>
    /// <param name="volatilityPercentile">Where current volatility ranks in its own history, 0 to 1.</param>
    /// <param name="trendScore">The trend score, 0 (ranging) to 1 (trending).</param>
    /// <param name="volatilityTail">The tail fraction at each end of the percentile scale, in (0, 0.5].</param>
    public static RegimeEstimate Combine(double volatilityPercentile, double trendScore, double volatilityTail)
    {
        if (!(volatilityTail > 0 && volatilityTail <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(volatilityTail), volatilityTail, "The volatility tail must be in (0, 0.5].");
        }

        var percentile = Math.Clamp(volatilityPercentile, 0, 1);
        var trend = Math.Clamp(trendScore, 0, 1);
        var high = Math.Max(0, (percentile - (1 - volatilityTail)) / volatilityTail);
        var low = Math.Max(0, (volatilityTail - percentile) / volatilityTail);
        return new RegimeEstimate(high, low, trend, 1 - trend);
    }
}
