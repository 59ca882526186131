namespace PluginBot.Sdk.Regimes;

/// <summary>
/// Probabilities over the four regimes, normalised to sum to 1. The gate weights experts with these,
/// and every decision record keeps them.
/// </summary>
public readonly record struct RegimeEstimate
{
    /// <summary>Creates an estimate from non-negative weights, normalising them to probabilities.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative or not finite, or all are zero.</exception>
    public RegimeEstimate(double highVolatility, double lowVolatility, double trending, double ranging)
    {
        Require(highVolatility, nameof(highVolatility));
        Require(lowVolatility, nameof(lowVolatility));
        Require(trending, nameof(trending));
        Require(ranging, nameof(ranging));
        var total = highVolatility + lowVolatility + trending + ranging;
        if (total <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(highVolatility), "At least one regime weight must be positive.");
        }

        HighVolatility = highVolatility / total;
        LowVolatility = lowVolatility / total;
        Trending = trending / total;
        Ranging = ranging / total;
    }

    /// <summary>Probability of the high-volatility regime.</summary>
    public double HighVolatility { get; }

    /// <summary>Probability of the low-volatility regime.</summary>
    public double LowVolatility { get; }

    /// <summary>Probability of the trending regime.</summary>
    public double Trending { get; }

    /// <summary>Probability of the ranging regime.</summary>
    public double Ranging { get; }

    /// <summary>The probability of one regime.</summary>
    public double this[MarketRegime regime] => regime switch
    {
        MarketRegime.HighVolatility => HighVolatility,
        MarketRegime.LowVolatility => LowVolatility,
        MarketRegime.Trending => Trending,
        MarketRegime.Ranging => Ranging,
        _ => throw new ArgumentOutOfRangeException(nameof(regime), regime, "Unknown regime."),
    };

    /// <summary>The most probable regime; ties go to the first in <see cref="MarketRegime"/> order.</summary>
    public MarketRegime MostLikely
    {
        get
        {
            var best = MarketRegime.HighVolatility;
            for (var regime = MarketRegime.LowVolatility; regime <= MarketRegime.Ranging; regime++)
            {
                if (this[regime] > this[best])
                {
                    best = regime;
                }
            }

            return best;
        }
    }

    private static void Require(double weight, string name)
    {
        if (!double.IsFinite(weight) || weight < 0)
        {
            throw new ArgumentOutOfRangeException(name, weight, "A regime weight must be finite and not negative.");
        }
    }
}
