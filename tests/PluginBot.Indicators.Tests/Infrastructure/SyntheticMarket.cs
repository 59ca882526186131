namespace PluginBot.Indicators.Tests.Infrastructure;

/// <summary>
/// Deterministic synthetic bars (seeded random walk with a cycle) for tests that need many samples but no
/// particular values: allocation and long-run drift checks. Built up front so generating them is never measured.
/// </summary>
internal static class SyntheticMarket
{
    public static BarSample[] Bars(int count, int seed, double startPrice = 100)
    {
        var random = new Random(seed);
        var bars = new BarSample[count];
        var close = startPrice;
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var index = 0; index < count; index++)
        {
            var open = close;
            close = Math.Max(1, open + ((random.NextDouble() - 0.5) * 2) + (0.3 * Math.Sin(index / 25.0)));
            var high = Math.Max(open, close) + (random.NextDouble() * 0.8);
            var low = Math.Min(open, close) - (random.NextDouble() * 0.8);
            var volume = 1_000 + Math.Floor(random.NextDouble() * 10_000);
            bars[index] = new BarSample(start.AddMinutes(index), open, high, low, close, volume);
        }

        return bars;
    }
}
