using PluginBot.Sdk.Market;

namespace PluginBot.Plugins.Experts.Tests.Infrastructure;

/// <summary>
/// Seeded synthetic stretches for the regime detector: each bar opens at the previous close and spans it with a wick
/// of a fifth of the step, so the true range is 1.4 × the step and the volatility of a stretch is set by its steps.
/// </summary>
internal sealed class SyntheticSeries(int seed, double start = 1000)
{
    private readonly Random random = new(seed);
    private readonly List<Bar> bars = [];
    private double close = start;

    public IReadOnlyList<Bar> Bars => bars;

    public int Count => bars.Count;

    /// <summary>A random walk whose step size starts at <paramref name="step"/> and shrinks by <paramref name="decay"/> a bar.</summary>
    public SyntheticSeries RandomWalk(int count, double step, double decay = 1)
    {
        for (var index = 0; index < count; index++)
        {
            Add(random.Next(2) == 0 ? step : -step, 0.2 * step);
            step *= decay;
        }

        return this;
    }

    /// <summary>Steps always up, of size 1 ± 0.5 drawn uniformly: a persistent trend with the same volatility as <see cref="Zigzag"/>.</summary>
    public SyntheticSeries Trend(int count)
    {
        for (var index = 0; index < count; index++)
        {
            Add(0.5 + random.NextDouble(), 0.2);
        }

        return this;
    }

    /// <summary>
    /// Closes alternately above and below the level the stretch starts at, by 0.25 to 0.75 drawn uniformly: steps of
    /// about 1 ± 0.5 like <see cref="Trend"/>, but the price keeps returning to the same level, a true range.
    /// </summary>
    public SyntheticSeries Zigzag(int count)
    {
        var centre = close;
        for (var index = 0; index < count; index++)
        {
            var distance = 0.25 + (0.5 * random.NextDouble());
            var target = Count % 2 == 0 ? centre + distance : centre - distance;
            Add(target - close, 0.2);
        }

        return this;
    }

    private void Add(double change, double wick)
    {
        var open = close;
        close += change;
        bars.Add(Infrastructure.Bars.Span(bars.Count, open, close, wick));
    }
}
