using PluginBot.Plugins.RegimeRules;
using PluginBot.Sdk.Regimes;

namespace PluginBot.Plugins.Experts.Tests;

public sealed class RegimeHysteresisTests
{
    private static readonly RegimeEstimate SlightlyTrending = new(0, 0, 0.52, 0.48);
    private static readonly RegimeEstimate SlightlyRanging = new(0, 0, 0.48, 0.52);

    [Fact]
    public void Filter_AlternatingJustAroundTheBoundary_NeverFlipsAndKeepsTheSpread()
    {
        var hysteresis = new RegimeHysteresis(0.05, 3);
        var reported = Alternate(hysteresis, 100);

        Assert.Equal(0, Flips(reported));
        Assert.All(reported, estimate => Assert.Equal(MarketRegime.Trending, estimate.MostLikely));
        // On a bar where ranging leads, the two exchange probabilities: the numbers stay the raw ones.
        Assert.Equal(SlightlyTrending, reported[1]);
    }

    [Fact]
    public void Filter_WithoutMarginOrConfirmation_FlipsOnEveryBar()
    {
        // The control: the same series through a filter that does nothing flips 99 times in 100 bars.
        var reported = Alternate(new RegimeHysteresis(0, 1), 100);

        Assert.Equal(99, Flips(reported));
    }

    [Fact]
    public void Filter_MarginButNoConsecutiveLead_DoesNotSwitch()
    {
        // Leading by 0.04 twice in a row would count with margin 0, but two bars are needed and every other bar the
        // held regime is back on top.
        var reported = Alternate(new RegimeHysteresis(0, 2), 100);

        Assert.Equal(0, Flips(reported));
    }

    [Fact]
    public void Filter_ClearChallenger_SwitchesOnItsConfirmationBar()
    {
        var hysteresis = new RegimeHysteresis(0.05, 3);
        var ranging = new RegimeEstimate(0, 0, 0.3, 0.7);
        hysteresis.Filter(SlightlyTrending);

        var first = hysteresis.Filter(ranging);
        var second = hysteresis.Filter(ranging);
        var secondBars = hysteresis.ChallengerBars;
        var third = hysteresis.Filter(ranging);

        Assert.Equal(MarketRegime.Trending, first.MostLikely);
        Assert.Equal(0.7, first.Trending, 12);
        Assert.Equal(MarketRegime.Trending, second.MostLikely);
        Assert.Equal(2, secondBars);
        Assert.Equal(ranging, third);
        Assert.Equal(MarketRegime.Ranging, hysteresis.Current);
        Assert.Null(hysteresis.Challenger);
    }

    [Fact]
    public void Filter_ChallengerFallsBackWithinTheMargin_RestartsItsCount()
    {
        var hysteresis = new RegimeHysteresis(0.05, 3);
        var ranging = new RegimeEstimate(0, 0, 0.3, 0.7);
        hysteresis.Filter(SlightlyTrending);
        hysteresis.Filter(ranging);
        hysteresis.Filter(ranging);
        hysteresis.Filter(SlightlyRanging); // leads by 0.04 only: the run ends
        hysteresis.Filter(ranging);
        var fifth = hysteresis.Filter(ranging);

        Assert.Equal(MarketRegime.Trending, fifth.MostLikely);
        Assert.Equal(MarketRegime.Ranging, hysteresis.Filter(ranging).MostLikely);
    }

    private static List<RegimeEstimate> Alternate(RegimeHysteresis hysteresis, int bars) =>
        Enumerable.Range(0, bars).Select(bar => hysteresis.Filter(bar % 2 == 0 ? SlightlyTrending : SlightlyRanging)).ToList();

    private static int Flips(IReadOnlyList<RegimeEstimate> estimates) =>
        Enumerable.Range(1, estimates.Count - 1).Count(index => estimates[index].MostLikely != estimates[index - 1].MostLikely);
}
