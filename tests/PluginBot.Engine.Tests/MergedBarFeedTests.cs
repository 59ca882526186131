using PluginBot.Engine.Feeds;
using PluginBot.Engine.Tests.Infrastructure;
using PluginBot.Sdk.Market;

namespace PluginBot.Engine.Tests;

/// <summary>How several feeds become one: by the time each bar becomes known, then by symbol, then by feed order.</summary>
public sealed class MergedBarFeedTests
{
    [Fact]
    public void TryRead_SeveralFeeds_YieldsBarsInEndTimeOrder()
    {
        var first = Feed(TestBars.Flat("AAA", 0, 1m), TestBars.Flat("AAA", 2, 3m), TestBars.Flat("AAA", 5, 6m));
        var second = Feed(TestBars.Flat("BBB", 1, 2m), TestBars.Flat("BBB", 3, 4m));
        var third = Feed(TestBars.Flat("CCC", 4, 5m));

        var merged = ReadAll(new MergedBarFeed([first, second, third]));

        Assert.Equal(new[] { 1m, 2m, 3m, 4m, 5m, 6m }, merged.Select(bar => bar.Close));
    }

    [Fact]
    public void TryRead_EqualEndTimes_OrdersBySymbolOrdinally()
    {
        // Ordinal order puts upper case before lower case ("Zeta" < "alpha"); a culture-aware compare would not.
        var lower = Feed(TestBars.Flat("alpha", 0, 1m));
        var upper = Feed(TestBars.Flat("Zeta", 0, 2m));
        var middle = Feed(TestBars.Flat("BTCUSDT", 0, 3m));

        var merged = ReadAll(new MergedBarFeed([lower, upper, middle]));

        Assert.Equal(new[] { "BTCUSDT", "Zeta", "alpha" }, merged.Select(bar => bar.Symbol));
    }

    [Fact]
    public void TryRead_EqualEndTimesAndSymbols_KeepsFeedOrder()
    {
        var feeds = Enumerable.Range(0, 4).Select(index => Feed(TestBars.Flat("BTCUSDT", 0, index))).ToList();

        var merged = ReadAll(new MergedBarFeed(feeds));

        Assert.Equal(new[] { 0m, 1m, 2m, 3m }, merged.Select(bar => bar.Close));
    }

    [Fact]
    public void TryRead_BarsOfDifferentIntervals_MergeByEndTime()
    {
        // The hour bar 00:00-01:00 becomes known at 01:00: after the minute ending 00:59, before the one ending 01:01.
        var hour = Feed(new Bar("BTCUSDT", BarInterval.OneHour, TestBars.Origin, 1m, 1m, 1m, 100m, 1m));
        var minutes = Feed(TestBars.Flat("BTCUSDT", 58, 1m), TestBars.Flat("BTCUSDT", 60, 2m));

        var merged = ReadAll(new MergedBarFeed([hour, minutes]));

        Assert.Equal(new[] { 1m, 100m, 2m }, merged.Select(bar => bar.Close));
        Assert.Equal(
            new[] { TestBars.Origin.AddMinutes(59), TestBars.Origin.AddMinutes(60), TestBars.Origin.AddMinutes(61) },
            merged.Select(bar => bar.EndTime));
    }

    [Fact]
    public void TryRead_ManyFeedsWithSharedTimes_IsDeterministicAndMatchesAStableSortByEndTimeSymbolAndFeed()
    {
        var series = RandomSeries();
        var expected = series
            .SelectMany((bars, feedIndex) => bars.Select(bar => (Bar: bar, FeedIndex: feedIndex)))
            .OrderBy(entry => entry.Bar.EndTime)
            .ThenBy(entry => entry.Bar.Symbol, StringComparer.Ordinal)
            .ThenBy(entry => entry.FeedIndex)
            .Select(entry => entry.Bar)
            .ToList();

        var first = ReadAll(new MergedBarFeed(series.Select(bars => (IBarFeed)new ArrayBarFeed(bars)).ToList()));
        var second = ReadAll(new MergedBarFeed(series.Select(bars => (IBarFeed)new ArrayBarFeed(bars)).ToList()));

        Assert.Equal(3 * 500 + 2 * 100, first.Count);
        Assert.Equal(expected, first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void RemainingCount_CountsTheBufferedHeadsAndWhatIsLeft()
    {
        var merged = new MergedBarFeed([Feed(TestBars.Flat("AAA", 0, 1m), TestBars.Flat("AAA", 1, 2m)), Feed(TestBars.Flat("BBB", 0, 1m))]);
        Assert.Equal(3, merged.RemainingCount);

        merged.TryRead(out _);

        Assert.Equal(2, merged.RemainingCount);
    }

    private static List<Bar[]> RandomSeries()
    {
        // Five-minute bars sharing the minute grid with minute bars, and two minute feeds of the same symbol:
        // many bars end at the same instant, so every tie-break rule is exercised.
        var start = TestBars.Origin;
        var fiveMinutes = new BarInterval(TimeSpan.FromMinutes(5));
        IBarFeed[] feeds =
        [
            new RandomWalkBarFeed("ETHUSDT", BarInterval.OneMinute, start, 500, seed: 1),
            new RandomWalkBarFeed("BTCUSDT", fiveMinutes, start, 100, seed: 2),
            new RandomWalkBarFeed("BTCUSDT", BarInterval.OneMinute, start, 500, seed: 3),
            new RandomWalkBarFeed("ADAUSDT", fiveMinutes, start, 100, seed: 4),
            new RandomWalkBarFeed("BTCUSDT", BarInterval.OneMinute, start, 500, seed: 5),
        ];
        return feeds.Select(feed => ReadAll(feed).ToArray()).ToList();
    }

    private static ArrayBarFeed Feed(params Bar[] bars) => new(bars);

    private static List<Bar> ReadAll(IBarFeed feed)
    {
        var bars = new List<Bar>();
        while (feed.TryRead(out var bar))
        {
            bars.Add(bar);
        }

        return bars;
    }
}
