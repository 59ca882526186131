using PluginBot.Experts.Ensembles;
using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.Tests.Ensembles;

public sealed class WeightedVotingEnsembleTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Combine_MixedVotes_ScoresWeightTimesGateTimesDirectionTimesConfidence()
    {
        // Weights 1:1:2:0 → 0.25, 0.25, 0.5, 0; gate 0.4, 0.4, 0.2, 0 → v = 0.1, 0.1, 0.1, 0.
        var ensemble = new WeightedVotingEnsemble([1, 1, 2, 0]);
        Signal[] signals =
        [
            Signal.Long(0.8, TimeSpan.FromHours(4)),
            Signal.Short(0.4, TimeSpan.FromHours(1)),
            Signal.Long(0.6, TimeSpan.FromHours(2)),
            Signal.Hold,
        ];

        var vote = ensemble.Combine(signals, [0.4, 0.4, 0.2, 0]);

        // score = 0.1×0.8 − 0.1×0.4 + 0.1×0.6 = 0.1; voters 0.3 → confidence 1/3.
        // Disagreement = 1 − |0.1 − 0.1 + 0.1| ÷ 0.3 = 2/3. Horizon = mean of the long voters' 4 h and 2 h = 3 h.
        Assert.Equal(AbstentionReason.None, vote.Abstention);
        Assert.Equal(SignalDirection.Long, vote.Signal.Direction);
        Assert.Equal(0.1, vote.Score, Tolerance);
        Assert.Equal(0.3, vote.VoterWeight, Tolerance);
        Assert.Equal(1.0 / 3, vote.Signal.Confidence, Tolerance);
        Assert.Equal(2.0 / 3, vote.Disagreement, Tolerance);
        Assert.Equal(TimeSpan.FromHours(3), vote.Signal.Horizon);
    }

    [Fact]
    public void Combine_NetShortScore_GivesShortWithItsConfidence()
    {
        var ensemble = new WeightedVotingEnsemble(2);

        var vote = ensemble.Combine([Signal.Long(0.2), Signal.Short(0.9)], [0.5, 0.5]);

        // v = 0.25 each: score = 0.25 × (0.2 − 0.9) = −0.175; ÷ 0.5 → 0.35. Disagreement 1 − 0 ÷ 0.5 = 1.
        Assert.Equal(SignalDirection.Short, vote.Signal.Direction);
        Assert.Equal(0.35, vote.Signal.Confidence, Tolerance);
        Assert.Equal(1, vote.Disagreement, Tolerance);
    }

    [Fact]
    public void Combine_FlatVoter_DilutesConfidenceWithoutChangingDirection()
    {
        var ensemble = new WeightedVotingEnsemble(2);

        var vote = ensemble.Combine([Signal.Long(0.8), Signal.Flat(1)], [0.5, 0.5]);

        Assert.Equal(SignalDirection.Long, vote.Signal.Direction);
        Assert.Equal(0.4, vote.Signal.Confidence, Tolerance);
        Assert.Equal(0, vote.Disagreement, Tolerance);
    }

    [Fact]
    public void Combine_OnlyFlatVotes_GivesFlatWithTheirMeanConfidence()
    {
        var ensemble = new WeightedVotingEnsemble(3);

        var vote = ensemble.Combine([Signal.Flat(0.9), Signal.Flat(0.5), Signal.Hold], [1.0 / 3, 1.0 / 3, 1.0 / 3]);

        Assert.Equal(SignalDirection.Flat, vote.Signal.Direction);
        Assert.Equal(0.7, vote.Signal.Confidence, Tolerance);
    }

    [Fact]
    public void Combine_LongAndShortCancel_AbstainsAsTie()
    {
        var ensemble = new WeightedVotingEnsemble(2);

        var vote = ensemble.Combine([Signal.Long(0.5), Signal.Short(0.5)], [0.5, 0.5]);

        Assert.Equal(AbstentionReason.Tie, vote.Abstention);
        Assert.Equal(Signal.Hold, vote.Signal);
        Assert.Equal(1, vote.Disagreement, Tolerance);
    }

    [Fact]
    public void Combine_EveryoneHolds_AbstainsWithNoVotes()
    {
        var ensemble = new WeightedVotingEnsemble(2);

        var vote = ensemble.Combine([Signal.Hold, Signal.Hold], [0.5, 0.5]);

        Assert.Equal(AbstentionReason.NoVotes, vote.Abstention);
    }

    [Fact]
    public void Combine_ExpertWithZeroGate_DoesNotVote()
    {
        var ensemble = new WeightedVotingEnsemble(2);

        var vote = ensemble.Combine([Signal.Long(1), Signal.Short(0.3)], [0, 1]);

        Assert.Equal(SignalDirection.Short, vote.Signal.Direction);
        Assert.Equal(0.3, vote.Signal.Confidence, Tolerance);
        Assert.Equal(0, vote.Disagreement, Tolerance);
    }

    [Fact]
    public void Learn_AnyOutcome_KeepsTheFixedWeights()
    {
        var ensemble = new WeightedVotingEnsemble([3, 1]);

        ensemble.Learn([Signal.Long(1), Signal.Short(1)], [0.5, 0.5], -1);

        Assert.Equal([0.75, 0.25], ensemble.Weights.ToArray());
    }
}
