namespace PluginBot.Indicators.Tests;

public sealed class EfficiencyRatioTests
{
    [Fact]
    public void Update_HandComputedCloses_GivesNetMoveOverPathLength()
    {
        var ratio = new EfficiencyRatio(3);

        ratio.Update(10);
        ratio.Update(11);
        ratio.Update(10);
        Assert.False(ratio.IsReady);
        ratio.Update(12);

        // Net |12 − 10| = 2 over the path 1 + 1 + 2 = 4.
        Assert.True(ratio.IsReady);
        Assert.Equal(0.5, ratio.Value, 15);

        // Window 11, 10, 12, 13: net 2, path 1 + 2 + 1 = 4.
        ratio.Update(13);
        Assert.Equal(0.5, ratio.Value, 15);

        // Window 10, 12, 13, 13: net 3, path 2 + 1 + 0 = 3, a straight line.
        ratio.Update(13);
        Assert.Equal(1.0, ratio.Value, 15);
    }

    [Fact]
    public void Update_FlatPrices_IsZero()
    {
        var ratio = new EfficiencyRatio(2);
        ratio.Update(5);
        ratio.Update(5);
        ratio.Update(5);

        Assert.True(ratio.IsReady);
        Assert.Equal(0, ratio.Value);
    }

    [Fact]
    public void Update_ManyWindowTurns_MatchesARecomputationFromScratch()
    {
        const int period = 7;
        var ratio = new EfficiencyRatio(period);
        var closes = new List<double>();
        var random = new Random(11);
        var price = 17_000.0;
        for (var step = 0; step < 5_000; step++)
        {
            price += random.NextDouble() - 0.5;
            closes.Add(price);
            ratio.Update(price);
        }

        var window = closes.TakeLast(period + 1).ToArray();
        var path = window.Zip(window.Skip(1), (previous, current) => Math.Abs(current - previous)).Sum();
        Assert.Equal(Math.Abs(window[^1] - window[0]) / path, ratio.Value, 12);
    }

    [Fact]
    public void Reset_AfterUpdates_BehavesAsNew()
    {
        var ratio = new EfficiencyRatio(2);
        ratio.Update(1);
        ratio.Update(2);
        ratio.Update(3);
        ratio.Reset();

        Assert.False(ratio.IsReady);
        Assert.Equal(0, ratio.Samples);
        ratio.Update(3);
        ratio.Update(1);
        ratio.Update(2);
        Assert.Equal(1.0 / 3.0, ratio.Value, 15);
    }
}
