using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.Ensembles;

/// <summary>
/// Which expert votes learning judges: only Long and Short signals of experts the gate weighted. Flat and Hold
/// state no direction, and an expert the gate left out did not vote, so neither is rewarded or punished; judging
/// gated-out experts would punish a specialist for being wrong outside its own regime.
/// </summary>
internal static class ExpertJudgement
{
    /// <summary>+1 for Long, −1 for Short, 0 for anything that states no direction.</summary>
    public static int DirectionOf(Signal signal) => signal.Direction switch
    {
        SignalDirection.Long => 1,
        SignalDirection.Short => -1,
        _ => 0,
    };

    /// <summary>The expert's judged direction, or 0 when its vote is not judged.</summary>
    public static int JudgedDirection(Signal signal, double gateWeight) => gateWeight > 0 ? DirectionOf(signal) : 0;

    /// <summary>Checks that per-expert spans line up with the ensemble.</summary>
    public static void RequireLengths(int expertCount, ReadOnlySpan<Signal> signals, ReadOnlySpan<double> gateWeights)
    {
        if (signals.Length != expertCount || gateWeights.Length != expertCount)
        {
            throw new ArgumentException(
                $"Expected {expertCount} signals and gate weights, got {signals.Length} and {gateWeights.Length}.");
        }
    }
}
