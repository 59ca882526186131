using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.Ensembles;

/// <summary>
/// Combines the experts' signals into one, weighting each expert by the gate and by the ensemble's own weight for
/// it (fixed, or learnt from realised outcomes). One instance holds the state of one symbol.
/// </summary>
/// <remarks>
/// Spans are indexed by roster position (see <see cref="Routing.ExpertSets"/>). Implementations must not allocate
/// in <see cref="Combine"/> or <see cref="Learn"/>: the committee calls them once per bar per symbol.
/// </remarks>
public interface IEnsemble
{
    /// <summary>How many experts the ensemble weights.</summary>
    int ExpertCount { get; }

    /// <summary>The ensemble's current weight per expert, summing to 1; recorded with every decision.</summary>
    ReadOnlySpan<double> Weights { get; }

    /// <summary>Combines one bar's signals; <see cref="Signal.Hold"/> is an abstention.</summary>
    EnsembleVote Combine(ReadOnlySpan<Signal> signals, ReadOnlySpan<double> gateWeights);

    /// <summary>
    /// Updates the weights after the outcome of a past decision is known.
    /// </summary>
    /// <param name="signals">The signals the experts gave for that decision.</param>
    /// <param name="gateWeights">The gate weights of that decision; only experts with a positive gate weight voted and are judged.</param>
    /// <param name="realisedDirection">+1 if the price rose, −1 if it fell, 0 if it did not move (nothing is learnt).</param>
    void Learn(ReadOnlySpan<Signal> signals, ReadOnlySpan<double> gateWeights, int realisedDirection);
}
