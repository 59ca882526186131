using PluginBot.Experts.Committees;
using PluginBot.Experts.Ensembles;
using PluginBot.Experts.Routing;
using PluginBot.Sdk.Regimes;
using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.Tests.Committees;

public sealed class ExpertCommitteeTests
{
    private const double Tolerance = 1e-12;

    // trend long 0.8, revert short 0.6, breakout long 0.5.
    private static readonly Signal[] SplitVotes =
    [
        Signal.Long(0.8, TimeSpan.FromHours(1)),
        Signal.Short(0.6, TimeSpan.FromHours(1)),
        Signal.Long(0.5, TimeSpan.FromHours(1)),
    ];

    [Fact]
    public void Decide_SoftGateAndSplitVotes_LowersConfidenceByDisagreement()
    {
        var committee = new ExpertCommittee(Roster.ThreeExperts(), count => new WeightedVotingEnsemble(count));

        var decision = committee.Decide("BTCUSDT", 100, Roster.MostlyTrending, SplitVotes);

        // Gate 0.375, 0.1875, 0.4375 × weight 1/3 → v = 0.125, 0.0625, 0.1458333…
        // score = 0.1 − 0.0375 + 0.0729166… = 0.1354166…; ÷ 1/3 → 0.40625.
        // Disagreement = 1 − (0.125 − 0.0625 + 0.1458333…) ÷ 1/3 = 1 − 0.625 = 0.375; final 0.40625 × 0.625.
        Assert.False(decision.IsAbstained);
        Assert.Equal(0.40625, decision.Vote.Signal.Confidence, Tolerance);
        Assert.Equal(0.375, decision.Disagreement, Tolerance);
        Assert.Equal(SignalDirection.Long, decision.Signal.Direction);
        Assert.Equal(0.25390625, decision.Signal.Confidence, Tolerance);
        Assert.Equal(TimeSpan.FromHours(1), decision.Signal.Horizon);
        Assert.Equal(Roster.MostlyTrending, decision.Regime);

        var revert = decision.GetExpert(1);
        Assert.Equal("revert", revert.Name);
        Assert.Equal(SplitVotes[1], revert.Signal);
        Assert.Equal(0.1875, revert.GateWeight, Tolerance);
        Assert.Equal(1.0 / 3, revert.EnsembleWeight, Tolerance);
    }

    [Fact]
    public void Decide_HalfDisagreementPenalty_LowersConfidenceByHalfAsMuch()
    {
        var options = new CommitteeOptions { DisagreementPenalty = 0.5 };
        var committee = new ExpertCommittee(Roster.ThreeExperts(), count => new WeightedVotingEnsemble(count), options);

        var decision = committee.Decide("BTCUSDT", 100, Roster.MostlyTrending, SplitVotes);

        // 0.40625 × (1 − 0.5 × 0.375).
        Assert.Equal(0.330078125, decision.Signal.Confidence, Tolerance);
    }

    [Theory]
    [InlineData(0.3, 0, AbstentionReason.HighDisagreement)]
    [InlineData(1, 0.26, AbstentionReason.LowConfidence)]
    [InlineData(0.375, 0.25, AbstentionReason.None)]
    public void Decide_CommitteeThresholds_AbstainWithTheirReason(double maximumDisagreement, double minimumConfidence, AbstentionReason expected)
    {
        var options = new CommitteeOptions { MaximumDisagreement = maximumDisagreement, MinimumConfidence = minimumConfidence };
        var committee = new ExpertCommittee(Roster.ThreeExperts(), count => new WeightedVotingEnsemble(count), options);

        var decision = committee.Decide("BTCUSDT", 100, Roster.MostlyTrending, SplitVotes);

        Assert.Equal(expected, decision.Abstention);
        Assert.Equal(expected != AbstentionReason.None, decision.Signal == Signal.Hold);
        Assert.Equal(0.40625, decision.Vote.Signal.Confidence, Tolerance);
    }

    [Fact]
    public void Decide_GateUnsure_HoldsAndSaysWhy()
    {
        var options = new CommitteeOptions { Routing = new RouterOptions { MinimumTopProbability = 0.7 } };
        var committee = new ExpertCommittee(Roster.ThreeExperts(), count => new WeightedVotingEnsemble(count), options);

        var decision = committee.Decide("BTCUSDT", 100, Roster.MostlyTrending, SplitVotes);

        Assert.Equal(AbstentionReason.LowRegimeProbability, decision.Abstention);
        Assert.Equal(Signal.Hold, decision.Signal);
    }

    [Fact]
    public void Decide_WithoutDetector_ActsAsAPlainEnsemble()
    {
        var committee = new ExpertCommittee(Roster.ThreeExperts(), count => new WeightedVotingEnsemble(count));

        var decision = committee.Decide("BTCUSDT", 100, null, SplitVotes);

        // v = 1/9 each: score = (0.8 − 0.6 + 0.5) ÷ 9, ÷ 1/3 → 0.7 ÷ 3; disagreement 1 − 1/3.
        Assert.Null(decision.Regime);
        Assert.Equal(0.7 / 3 * (1.0 / 3), decision.Signal.Confidence, Tolerance);
        Assert.Equal(1.0 / 3, decision.GetGateWeight(2), Tolerance);
    }

    [Fact]
    public void Decide_NextClose_JudgesThePreviousDecisionSeparatelyPerSymbol()
    {
        var sets = new ExpertSets(["bull", "bear"], new Dictionary<MarketRegime, IReadOnlyList<string>>());
        var committee = new ExpertCommittee(sets, count => new DynamicWeightedMajorityEnsemble(count));
        Signal[] votes = [Signal.Long(1), Signal.Short(1)];

        committee.Decide("UP", 100, null, votes);
        committee.Decide("DOWN", 100, null, votes);
        var up = committee.Decide("UP", 101, null, votes);
        var down = committee.Decide("DOWN", 99, null, votes);

        // UP rose: bear was wrong → (0.5, 0.25) ÷ 0.75. DOWN fell: bull was wrong → (0.25, 0.5) ÷ 0.75.
        Assert.Equal(+1, up.RealisedDirectionOfPrevious);
        Assert.Equal(-1, down.RealisedDirectionOfPrevious);
        Assert.Equal(2.0 / 3, up.GetEnsembleWeight(0), Tolerance);
        Assert.Equal(1.0 / 3, down.GetEnsembleWeight(0), Tolerance);
        Assert.Equal(SignalDirection.Long, up.Signal.Direction);
        Assert.Equal(SignalDirection.Short, down.Signal.Direction);
        Assert.Equal(2.0 / 3, committee.GetEnsembleWeights("UP")[0], Tolerance);
        Assert.Equal(2, committee.SymbolCount);
    }

    [Fact]
    public void Decide_AgainForTheSameSymbol_InvalidatesTheEarlierViewButNotItsRecord()
    {
        var committee = new ExpertCommittee(Roster.ThreeExperts(), count => new WeightedVotingEnsemble(count));
        var first = committee.Decide("BTCUSDT", 100, Roster.MostlyTrending, SplitVotes);
        var kept = first.ToRecord();
        var other = committee.Decide("ETHUSDT", 100, Roster.MostlyTrending, SplitVotes);

        committee.Decide("BTCUSDT", 101, null, [Signal.Hold, Signal.Hold, Signal.Hold]);

        Assert.False(first.IsCurrent);
        Assert.Throws<InvalidOperationException>(() => first.Signal);
        Assert.True(other.IsCurrent);
        Assert.Equal(0.25390625, kept.Signal.Confidence, Tolerance);
        Assert.Equal("breakout", kept.Experts[2].Name);
        Assert.Equal(0.4375, kept.Experts[2].GateWeight, Tolerance);
    }

    [Fact]
    public void Decide_AllHold_AbstainsWithNoVotes()
    {
        var committee = new ExpertCommittee(Roster.ThreeExperts(), count => new WeightedVotingEnsemble(count));

        var decision = committee.Decide("BTCUSDT", 100, Roster.MostlyTrending, [Signal.Hold, Signal.Hold, Signal.Hold]);

        Assert.Equal(AbstentionReason.NoVotes, decision.Abstention);
    }

    [Fact]
    public void Decide_WrongNumberOfSignals_Throws()
    {
        var committee = new ExpertCommittee(Roster.ThreeExperts(), count => new WeightedVotingEnsemble(count));

        Assert.Throws<ArgumentException>(() => committee.Decide("BTCUSDT", 100, null, [Signal.Long()]));
    }

    [Fact]
    public void Reset_Symbol_ForgetsItsLearntWeights()
    {
        var sets = new ExpertSets(["bull", "bear"], new Dictionary<MarketRegime, IReadOnlyList<string>>());
        var committee = new ExpertCommittee(sets, count => new DynamicWeightedMajorityEnsemble(count));
        committee.Decide("UP", 100, null, [Signal.Long(1), Signal.Short(1)]);
        var before = committee.Decide("UP", 101, null, [Signal.Long(1), Signal.Short(1)]);

        Assert.True(committee.Reset("UP"));

        Assert.False(before.IsCurrent);
        Assert.True(committee.GetEnsembleWeights("UP").IsEmpty);
        var after = committee.Decide("UP", 102, null, [Signal.Long(1), Signal.Short(1)]);
        Assert.Equal(0, after.RealisedDirectionOfPrevious);
        Assert.Equal(0.5, after.GetEnsembleWeight(0), Tolerance);
    }
}
