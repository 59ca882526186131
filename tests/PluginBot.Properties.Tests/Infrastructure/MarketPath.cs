using PluginBot.Sdk.Market;

namespace PluginBot.Properties.Tests.Infrastructure;

/// <summary>A generated price path for one symbol: a start price in cents and one step per bar.</summary>
internal sealed record MarketPath(string Symbol, long StartCents, PriceStep[] Steps)
{
    /// <summary>
    /// The bars of the path on the 0.01 tick grid. Prices never go below 1.00, so every lot-sized order at these
    /// prices is a real order (Binance-like minimum notional 5 then needs at least a few lots).
    /// </summary>
    public Bar[] Bars(DateTime start, BarInterval interval)
    {
        var bars = new Bar[Steps.Length];
        var close = StartCents;
        for (var index = 0; index < Steps.Length; index++)
        {
            var step = Steps[index];
            var open = Move(close, step.OpenMove);
            var next = Move(open, step.CloseMove);
            var high = Move(Math.Max(open, next), step.HighExtra);
            var low = Move(Math.Min(open, next), -step.LowExtra);
            bars[index] = new Bar(Symbol, interval, start + (interval.Duration * index),
                Cents(open), Cents(high), Cents(low), Cents(next), step.Volume * 0.00001m);
            close = next;
        }

        return bars;
    }

    private static long Move(long cents, int basisPoints) => Math.Max(100L, cents + (cents * basisPoints / 10_000L));

    private static decimal Cents(long cents) => cents / 100m;
}
