using PluginBot.Sdk.Market;

namespace PluginBot.Engine.Feeds;

/// <summary>
/// Generates a seeded random walk of bars on the fly, for benchmarks and property tests that need millions of
/// bars without holding them in memory. The same seed always gives the same bars.
/// </summary>
public sealed class RandomWalkBarFeed : IBarFeed
{
    private const int PriceScale = 2;
    private readonly Random random;
    private readonly string symbol;
    private readonly BarInterval interval;
    private readonly long count;
    private readonly int stepTicks;
    private long produced;
    private long priceTicks;
    private DateTime nextStart;

    /// <summary>Creates a feed of <paramref name="count"/> bars.</summary>
    /// <param name="symbol">Symbol of every bar.</param>
    /// <param name="interval">Bar interval; bars are contiguous.</param>
    /// <param name="start">Start time of the first bar (UTC).</param>
    /// <param name="count">How many bars to produce.</param>
    /// <param name="seed">Seed of the walk.</param>
    /// <param name="startPrice">First open, in whole currency units (cents resolution).</param>
    /// <param name="stepTicks">Largest move per step, in cents.</param>
    public RandomWalkBarFeed(string symbol, BarInterval interval, DateTime start, long count, int seed, int startPrice = 20_000, int stepTicks = 500)
    {
        this.symbol = symbol;
        this.interval = interval;
        this.count = count;
        this.stepTicks = stepTicks;
        random = new Random(seed);
        priceTicks = startPrice * 100L;
        nextStart = DateTime.SpecifyKind(start, DateTimeKind.Utc);
    }

    /// <inheritdoc />
    public long? RemainingCount => count - produced;

    /// <inheritdoc />
    public bool TryRead(out Bar bar)
    {
        if (produced >= count)
        {
            bar = default;
            return false;
        }

        var open = priceTicks;
        var close = Math.Max(100, open + random.Next(-stepTicks, stepTicks + 1));
        var high = Math.Max(open, close) + random.Next(0, stepTicks / 2 + 1);
        var low = Math.Max(1, Math.Min(open, close) - random.Next(0, stepTicks / 2 + 1));
        var volume = random.Next(1, 100_000);
        bar = new Bar(symbol, interval, nextStart, Price(open), Price(high), Price(low), Price(close), new decimal(volume, 0, 0, false, 3));
        priceTicks = close;
        nextStart += interval.Duration;
        produced++;
        return true;
    }

    // The (lo, mid, hi, sign, scale) constructor builds a decimal without arithmetic: generation stays cheap
    // next to the engine work being measured.
    private static decimal Price(long ticks) => new((int)ticks, (int)(ticks >> 32), 0, false, PriceScale);
}
