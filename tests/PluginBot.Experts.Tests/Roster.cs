using PluginBot.Experts.Routing;
using PluginBot.Sdk.Regimes;

namespace PluginBot.Experts.Tests;

/// <summary>The roster most tests share, with the regime estimate their hand computations start from.</summary>
internal static class Roster
{
    // trend serves Trending; revert serves Ranging and LowVolatility; breakout serves HighVolatility and Trending.
    public static ExpertSets ThreeExperts() => new(
        ["trend", "revert", "breakout"],
        new Dictionary<MarketRegime, IReadOnlyList<string>>
        {
            [MarketRegime.Trending] = ["trend", "breakout"],
            [MarketRegime.Ranging] = ["revert"],
            [MarketRegime.LowVolatility] = ["revert"],
            [MarketRegime.HighVolatility] = ["breakout"],
        });

    // High volatility 0.1, low volatility 0.2, trending 0.6, ranging 0.1.
    public static RegimeEstimate MostlyTrending => new(0.1, 0.2, 0.6, 0.1);
}
