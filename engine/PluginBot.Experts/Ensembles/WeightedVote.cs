using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.Ensembles;

/// <summary>
/// The combination rule every built-in ensemble shares; they differ only in where the expert weights come from.
/// Public so a custom <see cref="IEnsemble"/> can reuse it with its own weights.
/// </summary>
/// <remarks>
/// With v_e = weight_e × gate_e and d_e = +1 (Long), −1 (Short), 0 (Flat), over experts that did not hold and have
/// v_e &gt; 0: score = Σ v_e d_e c_e and voter weight V = Σ v_e. The direction is the sign of the score and the
/// confidence |score| ÷ V, so a flat vote dilutes confidence without pulling the direction. A score of exactly 0
/// gives Flat when someone voted flat (confidence: their Σ v_e c_e ÷ V), otherwise a tie. The horizon is the
/// v-weighted mean horizon of the voters on the winning side.
/// </remarks>
public static class WeightedVote
{
    /// <summary>Combines signals with the given expert weights and gate weights; allocation-free.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static EnsembleVote Combine(ReadOnlySpan<Signal> signals, ReadOnlySpan<double> gateWeights, ReadOnlySpan<double> expertWeights)
    {
        ExpertJudgement.RequireLengths(expertWeights.Length, signals, gateWeights);

        double score = 0, voterWeight = 0, flatScore = 0, sidedWeight = 0, signedWeight = 0;
        double longWeight = 0, shortWeight = 0, flatWeight = 0, longTicks = 0, shortTicks = 0, flatTicks = 0;
        for (var expert = 0; expert < signals.Length; expert++)
        {
            var signal = signals[expert];
            var weight = expertWeights[expert] * gateWeights[expert];
            if (signal.Direction == SignalDirection.Hold || !(weight > 0))
            {
                continue;
            }

            voterWeight += weight;
            var ticks = weight * signal.Horizon.Ticks;
            switch (signal.Direction)
            {
                case SignalDirection.Long:
                    score += weight * signal.Confidence;
                    sidedWeight += weight;
                    signedWeight += weight;
                    longWeight += weight;
                    longTicks += ticks;
                    break;
                case SignalDirection.Short:
                    score -= weight * signal.Confidence;
                    sidedWeight += weight;
                    signedWeight -= weight;
                    shortWeight += weight;
                    shortTicks += ticks;
                    break;
                default:
                    flatScore += weight * signal.Confidence;
                    flatWeight += weight;
                    flatTicks += ticks;
                    break;
            }
        }

        var disagreement = sidedWeight > 0 ? Math.Clamp(1 - (Math.Abs(signedWeight) / sidedWeight), 0, 1) : 0;
        if (voterWeight <= 0)
        {
            return new EnsembleVote(Signal.Hold, 0, 0, 0, AbstentionReason.NoVotes);
        }

        Signal combined;
        if (score > 0)
        {
            combined = Signal.Long(Confidence(score, voterWeight), Horizon(longTicks, longWeight));
        }
        else if (score < 0)
        {
            combined = Signal.Short(Confidence(-score, voterWeight), Horizon(shortTicks, shortWeight));
        }
        else if (flatWeight > 0)
        {
            combined = Signal.Flat(Confidence(flatScore, voterWeight), Horizon(flatTicks, flatWeight));
        }
        else
        {
            return new EnsembleVote(Signal.Hold, 0, voterWeight, disagreement, AbstentionReason.Tie);
        }

        return new EnsembleVote(combined, score, voterWeight, disagreement, AbstentionReason.None);
    }

    // Rounding can push the ratio a hair above 1; Signal rejects that.
    private static double Confidence(double part, double whole) => Math.Min(1, part / whole);

    private static TimeSpan Horizon(double weightedTicks, double weight) =>
        weight > 0 ? TimeSpan.FromTicks((long)Math.Round(weightedTicks / weight)) : TimeSpan.Zero;
}
