using PluginBot.Experts.Comparison;

namespace PluginBot.Experts.Tests.Comparison;

public sealed class SequentialProbabilityRatioTestTests
{
    // p0 = 0.5, p1 = 0.6, α = 0.05, β = 0.1: upper bound ln 18 = 2.8904, lower ln(0.1 ÷ 0.95) = −2.2513;
    // a hit adds ln 1.2 = 0.18232, a miss ln 0.8 = −0.22314.
    private static SequentialProbabilityRatioTest Create() => new(0.5, 0.6, 0.05, 0.1);

    [Fact]
    public void Constructor_Boundaries_AreWaldsLogarithms()
    {
        var test = Create();

        Assert.Equal(Math.Log(18), test.UpperBound, 1e-14);
        Assert.Equal(Math.Log(0.1 / 0.95), test.LowerBound, 1e-14);
    }

    [Fact]
    public void Observe_OnlyHits_AcceptsTheAlternativeAtTheSixteenthHit()
    {
        // 15 × 0.18232 = 2.7348 < 2.8904 ≤ 16 × 0.18232 = 2.9171.
        var test = Create();
        for (var hit = 1; hit <= 15; hit++)
        {
            Assert.Equal(SequentialDecision.Continue, test.Observe(true));
        }

        Assert.Equal(SequentialDecision.AcceptAlternative, test.Observe(true));
        Assert.Equal(16 * Math.Log(1.2), test.LogLikelihoodRatio, 1e-12);
    }

    [Fact]
    public void Observe_OnlyMisses_AcceptsTheNullAtTheEleventhMiss()
    {
        // 10 × 0.22314 = 2.2314 < 2.2513 ≤ 11 × 0.22314 = 2.4546.
        var test = Create();
        for (var miss = 1; miss <= 10; miss++)
        {
            Assert.Equal(SequentialDecision.Continue, test.Observe(false));
        }

        Assert.Equal(SequentialDecision.AcceptNull, test.Observe(false));
    }

    [Fact]
    public void Observe_AlternatingHitsAndMisses_DriftsToTheNullAfterFiftySixPairs()
    {
        // Each pair adds ln 0.96 = −0.040822; −2.2513 ÷ −0.040822 = 55.15, so the 56th pair's miss crosses.
        var test = Create();
        var decision = SequentialDecision.Continue;
        while (decision == SequentialDecision.Continue)
        {
            decision = test.Observe(test.Observations % 2 == 0);
        }

        Assert.Equal(SequentialDecision.AcceptNull, decision);
        Assert.Equal(112, test.Observations);
    }

    [Fact]
    public void Observe_AfterADecision_IgnoresFurtherEvidence()
    {
        var test = Create();
        for (var miss = 0; miss < 11; miss++)
        {
            test.Observe(false);
        }

        for (var hit = 0; hit < 100; hit++)
        {
            Assert.Equal(SequentialDecision.AcceptNull, test.Observe(true));
        }

        Assert.Equal(11, test.Observations);
    }

    [Fact]
    public void Constructor_EqualHypotheses_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SequentialProbabilityRatioTest(0.5, 0.5, 0.05, 0.1));
    }
}
