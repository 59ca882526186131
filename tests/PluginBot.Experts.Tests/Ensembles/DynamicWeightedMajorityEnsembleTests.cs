using PluginBot.Experts.Ensembles;
using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.Tests.Ensembles;

public sealed class DynamicWeightedMajorityEnsembleTests
{
    private const double Tolerance = 1e-12;
    private static readonly double[] EqualGate = [1.0 / 3, 1.0 / 3, 1.0 / 3];

    [Fact]
    public void Learn_ThreeSteps_MultipliesWrongExpertsByBetaAndNormalises()
    {
        var ensemble = new DynamicWeightedMajorityEnsemble(3, new DynamicWeightedMajorityOptions { Penalty = 0.5, MinimumWeight = 0.05 });

        // Up move; B said short: (1/3, 1/6, 1/3) ÷ 5/6 = (0.4, 0.2, 0.4).
        ensemble.Learn([Signal.Long(0.9), Signal.Short(0.9), Signal.Long(0.2)], EqualGate, +1);
        AssertWeights([0.4, 0.2, 0.4], ensemble.Weights);

        // Down move; A and C said long: (0.2, 0.2, 0.2) → equal again.
        ensemble.Learn([Signal.Long(0.9), Signal.Short(0.9), Signal.Long(0.2)], EqualGate, -1);
        AssertWeights([1.0 / 3, 1.0 / 3, 1.0 / 3], ensemble.Weights);

        // Down move; A wrong, C held (not judged, keeps its raw weight): (1/6, 1/3, 1/3) ÷ 5/6 = (0.2, 0.4, 0.4).
        ensemble.Learn([Signal.Long(0.9), Signal.Short(0.1), Signal.Hold], EqualGate, -1);
        AssertWeights([0.2, 0.4, 0.4], ensemble.Weights);
    }

    [Fact]
    public void Learn_WeightBelowFloor_IsRaisedToTheFloorThenRenormalised()
    {
        var ensemble = new DynamicWeightedMajorityEnsemble(3, new DynamicWeightedMajorityOptions { Penalty = 0.1, MinimumWeight = 0.05 });

        ensemble.Learn([Signal.Short(1), Signal.Long(1), Signal.Long(1)], EqualGate, +1);

        // (1/30, 1/3, 1/3) ÷ 0.7 = (1/21, 10/21, 10/21); 1/21 < 0.05 → 0.05; ÷ (0.05 + 20/21).
        var total = 0.05 + (20.0 / 21);
        AssertWeights([0.05 / total, (10.0 / 21) / total, (10.0 / 21) / total], ensemble.Weights);
    }

    [Fact]
    public void Learn_LongLosingStreak_NeverDrivesAWeightToZero()
    {
        var options = new DynamicWeightedMajorityOptions { Penalty = 0.1, MinimumWeight = 0.05 };
        var ensemble = new DynamicWeightedMajorityEnsemble(3, options);

        for (var step = 0; step < 500; step++)
        {
            ensemble.Learn([Signal.Short(1), Signal.Long(1), Signal.Long(1)], EqualGate, +1);
        }

        // The documented lower bound m ÷ (1 + n m).
        Assert.True(ensemble.Weights[0] >= 0.05 / (1 + (3 * 0.05)));
        Assert.Equal(1, ensemble.Weights[0] + ensemble.Weights[1] + ensemble.Weights[2], Tolerance);
    }

    [Fact]
    public void Learn_ExpertOutsideTheGate_IsNotJudged()
    {
        var ensemble = new DynamicWeightedMajorityEnsemble(2);

        ensemble.Learn([Signal.Short(1), Signal.Long(1)], [0, 1], +1);

        AssertWeights([0.5, 0.5], ensemble.Weights);
    }

    [Fact]
    public void Learn_NoPriceMove_LeavesWeightsUnchanged()
    {
        var ensemble = new DynamicWeightedMajorityEnsemble(2);

        ensemble.Learn([Signal.Short(1), Signal.Long(1)], [0.5, 0.5], 0);

        AssertWeights([0.5, 0.5], ensemble.Weights);
    }

    [Fact]
    public void Combine_AfterLearning_UsesTheLearntWeights()
    {
        var ensemble = new DynamicWeightedMajorityEnsemble(2, new DynamicWeightedMajorityOptions { Penalty = 0.5 });
        ensemble.Learn([Signal.Long(1), Signal.Short(1)], [0.5, 0.5], -1);

        // Weights (1/3, 2/3); v = (1/6, 1/3): score = 1/6 × 0.9 − 1/3 × 0.6 = −0.05, ÷ 0.5 → Short 0.1.
        var vote = ensemble.Combine([Signal.Long(0.9), Signal.Short(0.6)], [0.5, 0.5]);

        Assert.Equal(SignalDirection.Short, vote.Signal.Direction);
        Assert.Equal(0.1, vote.Signal.Confidence, Tolerance);
    }

    private static void AssertWeights(double[] expected, ReadOnlySpan<double> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var index = 0; index < expected.Length; index++)
        {
            Assert.Equal(expected[index], actual[index], Tolerance);
        }
    }
}
