using PluginBot.Experts.Ensembles;
using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.Tests.Ensembles;

public sealed class BayesianModelAveragingEnsembleTests
{
    private const double Tolerance = 1e-12;
    private static readonly double[] EqualGate = [0.5, 0.5];

    [Fact]
    public void Learn_ThreeSteps_FollowsThePosteriorComputedByHand()
    {
        var ensemble = new BayesianModelAveragingEnsemble(2, new BayesianModelAveragingOptions { ForgettingFactor = 0.5, ProbabilityLimit = 0.01 });

        // Up. A long 0.6 promises 0.8 and is right; B short 0.2 promises 0.6 and is wrong: likelihood 0.4.
        ensemble.Learn([Signal.Long(0.6), Signal.Short(0.2)], EqualGate, +1);
        Assert.Equal(0.8 / 1.2, ensemble.Weights[0], Tolerance);
        Assert.Equal(0.4 / 1.2, ensemble.Weights[1], Tolerance);

        // Up again, both right: ℓA = 0.5 ln 0.8 + ln 0.8, ℓB = 0.5 ln 0.4 + ln 0.6.
        ensemble.Learn([Signal.Long(0.6), Signal.Long(0.2)], EqualGate, +1);
        var a = Math.Pow(0.8, 1.5);
        var b = Math.Sqrt(0.4) * 0.6;
        Assert.Equal(a / (a + b), ensemble.Weights[0], Tolerance);

        // Down. A holds (coin flip, ½); B short with confidence 1 promises 1, clamped to 0.99, and is right.
        ensemble.Learn([Signal.Hold, Signal.Short(1)], EqualGate, -1);
        var logA = (0.5 * 1.5 * Math.Log(0.8)) + Math.Log(0.5);
        var logB = (0.5 * ((0.5 * Math.Log(0.4)) + Math.Log(0.6))) + Math.Log(0.99);
        Assert.Equal(logA, ensemble.LogLikelihoods[0], Tolerance);
        Assert.Equal(logB, ensemble.LogLikelihoods[1], Tolerance);
        Assert.Equal(Math.Exp(logB) / (Math.Exp(logA) + Math.Exp(logB)), ensemble.Weights[1], Tolerance);
    }

    [Fact]
    public void Weights_WithPriors_StartAtThePriorsAndUpdateFromThem()
    {
        var ensemble = new BayesianModelAveragingEnsemble(2, new BayesianModelAveragingOptions { Priors = [3, 1] });
        Assert.Equal(0.75, ensemble.Weights[0], Tolerance);

        ensemble.Learn([Signal.Long(0.6), Signal.Short(0.2)], EqualGate, +1);

        // 0.75 × 0.8 = 0.6 against 0.25 × 0.4 = 0.1.
        Assert.Equal(0.6 / 0.7, ensemble.Weights[0], Tolerance);
    }

    [Fact]
    public void Learn_WithForgetting_LetsAnExpertRecoverAfterTheMarketTurns()
    {
        // A always long, B always short, both with confidence 0.5 (promising 0.75). Ten up moves, then ten down.
        var forgetful = new BayesianModelAveragingEnsemble(2, new BayesianModelAveragingOptions { ForgettingFactor = 0.5 });
        var textbook = new BayesianModelAveragingEnsemble(2, new BayesianModelAveragingOptions { ForgettingFactor = 1 });
        foreach (var move in Enumerable.Repeat(+1, 10).Concat(Enumerable.Repeat(-1, 10)))
        {
            forgetful.Learn([Signal.Long(0.5), Signal.Short(0.5)], EqualGate, move);
            textbook.Learn([Signal.Long(0.5), Signal.Short(0.5)], EqualGate, move);
        }

        // d = ℓB − ℓA follows d ← λd ∓ ln 3: after both phases d = 2 ln 3 (1 − 2⁻¹⁰)², so wB = 1 ÷ (1 + e^−d).
        var shrink = 1 - Math.Pow(2, -10);
        var difference = 2 * Math.Log(3) * shrink * shrink;
        Assert.Equal(1 / (1 + Math.Exp(-difference)), forgetful.Weights[1], 1e-10);
        Assert.True(forgetful.Weights[1] > 0.89);

        // Without forgetting, ten wrong and ten right cancel exactly.
        Assert.Equal(0.5, textbook.Weights[1], 1e-10);
    }

    [Fact]
    public void Learn_LongHistory_StaysFiniteInLogSpace()
    {
        var ensemble = new BayesianModelAveragingEnsemble(2, new BayesianModelAveragingOptions { ForgettingFactor = 1 });

        for (var step = 0; step < 100_000; step++)
        {
            ensemble.Learn([Signal.Long(0.5), Signal.Short(0.5)], EqualGate, +1);
        }

        // The likelihood ratio 3^100000 overflows a double; the log-space weights do not.
        Assert.Equal(1, ensemble.Weights[0], Tolerance);
        Assert.True(ensemble.Weights[1] >= 0);
        Assert.False(double.IsNaN(ensemble.Weights[1]));
    }

    [Fact]
    public void Constructor_PriorsOfWrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BayesianModelAveragingEnsemble(3, new BayesianModelAveragingOptions { Priors = [1, 1] }));
    }
}
