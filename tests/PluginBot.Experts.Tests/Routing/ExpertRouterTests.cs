using PluginBot.Experts.Routing;
using PluginBot.Sdk.Regimes;

namespace PluginBot.Experts.Tests.Routing;

public sealed class ExpertRouterTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Route_SoftGating_WeighsEachExpertByTheMassOfItsRegimes()
    {
        var router = new ExpertRouter(Roster.ThreeExperts(), new RouterOptions { Mode = RoutingMode.Soft });
        var gate = new double[3];

        var abstention = router.Route(Roster.MostlyTrending, gate);

        // trend 0.6, revert 0.1 + 0.2 = 0.3, breakout 0.1 + 0.6 = 0.7; total 1.6.
        Assert.Equal(AbstentionReason.None, abstention);
        Assert.Equal(0.6 / 1.6, gate[0], Tolerance);
        Assert.Equal(0.3 / 1.6, gate[1], Tolerance);
        Assert.Equal(0.7 / 1.6, gate[2], Tolerance);
    }

    [Fact]
    public void Route_HardGating_SplitsEquallyAmongTheMostLikelyRegimesExperts()
    {
        var router = new ExpertRouter(Roster.ThreeExperts(), new RouterOptions { Mode = RoutingMode.Hard });
        var gate = new double[3];

        var abstention = router.Route(Roster.MostlyTrending, gate);

        Assert.Equal(AbstentionReason.None, abstention);
        Assert.Equal([0.5, 0, 0.5], gate);
    }

    [Fact]
    public void Route_WithoutRegimeEstimate_GivesEveryExpertTheSameWeight()
    {
        var router = new ExpertRouter(Roster.ThreeExperts(), new RouterOptions { Mode = RoutingMode.Hard, MinimumTopProbability = 0.9 });
        var gate = new double[3];

        var abstention = router.Route(null, gate);

        Assert.Equal(AbstentionReason.None, abstention);
        Assert.All(gate, weight => Assert.Equal(1.0 / 3, weight, Tolerance));
    }

    [Fact]
    public void NormalisedEntropy_HandCase_IsShannonEntropyOverLogFour()
    {
        // −(2 × 0.1 ln 0.1 + 0.2 ln 0.2 + 0.6 ln 0.6) = 1.0889..., ÷ ln 4 = 0.785475...
        Assert.Equal(0.7854752972273343, ExpertRouter.NormalisedEntropy(Roster.MostlyTrending), Tolerance);
        Assert.Equal(1, ExpertRouter.NormalisedEntropy(new RegimeEstimate(1, 1, 1, 1)), Tolerance);
        Assert.Equal(0, ExpertRouter.NormalisedEntropy(new RegimeEstimate(0, 0, 1, 0)), Tolerance);
    }

    [Theory]
    [InlineData(0.59, 1.0, AbstentionReason.None)]
    [InlineData(0.61, 1.0, AbstentionReason.LowRegimeProbability)]
    [InlineData(0.0, 0.79, AbstentionReason.None)]
    [InlineData(0.0, 0.78, AbstentionReason.HighRegimeEntropy)]
    public void Route_AbstentionThresholds_AbstainOnlyPastTheirLimits(double minimumTop, double maximumEntropy, AbstentionReason expected)
    {
        var options = new RouterOptions { MinimumTopProbability = minimumTop, MaximumNormalisedEntropy = maximumEntropy };
        var router = new ExpertRouter(Roster.ThreeExperts(), options);
        var gate = new double[3];

        var abstention = router.Route(Roster.MostlyTrending, gate);

        // The gate is still written, so an abstaining decision's record shows what the gate would have done.
        Assert.Equal(expected, abstention);
        Assert.Equal(0.6 / 1.6, gate[0], Tolerance);
    }

    [Theory]
    [InlineData(RoutingMode.Hard)]
    [InlineData(RoutingMode.Soft)]
    public void Route_RegimeWithoutExperts_AbstainsWithZeroWeights(RoutingMode mode)
    {
        var sets = new ExpertSets(
            ["trend"],
            new Dictionary<MarketRegime, IReadOnlyList<string>> { [MarketRegime.Trending] = ["trend"] });
        var router = new ExpertRouter(sets, new RouterOptions { Mode = mode });
        var gate = new double[1];

        var abstention = router.Route(new RegimeEstimate(0, 0, 0, 1), gate);

        Assert.Equal(AbstentionReason.NoExpertsForRegime, abstention);
        Assert.Equal(0, gate[0]);
    }

    [Fact]
    public void Route_WrongNumberOfSlots_Throws()
    {
        var router = new ExpertRouter(Roster.ThreeExperts());

        Assert.Throws<ArgumentException>(() => router.Route(Roster.MostlyTrending, new double[2]));
    }
}
