using PluginBot.Experts.Ensembles;
using PluginBot.Experts.Routing;
using PluginBot.Sdk.Regimes;
using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.Committees;

/// <summary>
/// The whole per-bar mixture-of-experts decision for any number of symbols: route by regime, combine the experts'
/// signals with the ensemble, lower confidence by disagreement, abstain when unsure, and learn from the next close.
/// </summary>
/// <remarks>
/// <para>
/// Each symbol has its own ensemble (created on its first decision by the factory given at construction) and its
/// own reused decision arrays, so weights learnt on one market never leak into another and, once a symbol has been
/// seen, <see cref="Decide"/> allocates nothing.
/// </para>
/// <para>
/// Learning uses the next bar: each call to <see cref="Decide"/> first judges the symbol's previous decision by the
/// sign of (close − previous close) and updates the ensemble with the experts' signals and gate weights of that
/// decision, then decides. One number per bar is all it needs, and every expert is judged on the same horizon, so
/// the weights compare like with like; experts' own <see cref="Signal.Horizon"/> only sets the final horizon. If
/// the caller skips bars the move is measured over the skipped span.
/// </para>
/// <para>Final confidence = ensemble confidence × (1 − <see cref="CommitteeOptions.DisagreementPenalty"/> × disagreement).</para>
/// <para>Not thread-safe: the engine runs one strategy instance on one thread.</para>
/// </remarks>
public sealed class ExpertCommittee
{
    private readonly ExpertRouter router;
    private readonly Func<int, IEnsemble> createEnsemble;
    private readonly CommitteeOptions options;
    private readonly Dictionary<string, DecisionBuffer> symbols = new(StringComparer.Ordinal);

    /// <summary>Creates a committee.</summary>
    /// <param name="expertSets">The roster and which regimes each expert serves.</param>
    /// <param name="createEnsemble">
    /// Makes a fresh ensemble for a symbol, given the number of experts, e.g.
    /// <c>count =&gt; new DynamicWeightedMajorityEnsemble(count)</c>.
    /// </param>
    /// <param name="options">Routing and abstention settings; defaults never abstain except on no votes or a tie.</param>
    public ExpertCommittee(ExpertSets expertSets, Func<int, IEnsemble> createEnsemble, CommitteeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(expertSets);
        ArgumentNullException.ThrowIfNull(createEnsemble);
        this.options = options ?? new CommitteeOptions();
        this.options.Validate();
        router = new ExpertRouter(expertSets, this.options.Routing);
        this.createEnsemble = createEnsemble;
    }

    /// <summary>The roster: signals passed to <see cref="Decide"/> follow its order.</summary>
    public ExpertSets ExpertSets => router.ExpertSets;

    /// <summary>The settings in use.</summary>
    public CommitteeOptions Options => options;

    /// <summary>How many symbols have state in the committee.</summary>
    public int SymbolCount => symbols.Count;

    /// <summary>
    /// Judges the symbol's previous decision by this close, then makes this bar's decision.
    /// </summary>
    /// <param name="symbol">The instrument; each has separate state.</param>
    /// <param name="close">This bar's close, positive; the next call judges this decision by its move from here.</param>
    /// <param name="regime">The regime detector's estimate, or null without a detector.</param>
    /// <param name="expertSignals">One signal per expert in roster order; <see cref="Signal.Hold"/> abstains.</param>
    /// <returns>A view valid until the next decision for the same symbol (see <see cref="CommitteeDecision"/>).</returns>
    /// <exception cref="ArgumentException">Not one signal per expert, or the symbol is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The close is not a positive finite number.</exception>
    public CommitteeDecision Decide(string symbol, double close, RegimeEstimate? regime, ReadOnlySpan<Signal> expertSignals)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        if (!(double.IsFinite(close) && close > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(close), close, "The close must be a positive finite price.");
        }

        if (expertSignals.Length != ExpertSets.ExpertCount)
        {
            throw new ArgumentException($"Expected {ExpertSets.ExpertCount} expert signals, got {expertSignals.Length}.", nameof(expertSignals));
        }

        var state = StateOf(symbol);
        state.LastRealisedDirection = 0;
        if (state.HasDecision)
        {
            state.LastRealisedDirection = Math.Sign(close - state.LastClose);
            state.Ensemble.Learn(state.Signals, state.GateWeights, state.LastRealisedDirection);
        }

        state.Version++;
        state.HasDecision = true;
        state.LastClose = close;
        state.Regime = regime;
        expertSignals.CopyTo(state.Signals);
        state.Ensemble.Weights.CopyTo(state.EnsembleWeights);

        var gateAbstention = router.Route(regime, state.GateWeights);
        var vote = state.Ensemble.Combine(state.Signals, state.GateWeights);
        state.Vote = vote;
        state.Abstention = Abstention(gateAbstention, vote, out var final);
        state.FinalSignal = final;
        return new CommitteeDecision(state);
    }

    /// <summary>The symbol's current ensemble weights (after all learning so far), or empty for an unseen symbol.</summary>
    public ReadOnlySpan<double> GetEnsembleWeights(string symbol) =>
        symbols.TryGetValue(symbol, out var state) ? state.Ensemble.Weights : ReadOnlySpan<double>.Empty;

    /// <summary>Forgets a symbol's learnt weights and pending decision, e.g. after a data gap or a delisting.</summary>
    /// <returns>Whether the symbol had state.</returns>
    public bool Reset(string symbol)
    {
        if (!symbols.Remove(symbol, out var state))
        {
            return false;
        }

        // Decisions already handed out must not keep reading a buffer the committee no longer owns.
        state.Version++;
        return true;
    }

    private AbstentionReason Abstention(AbstentionReason gateAbstention, EnsembleVote vote, out Signal final)
    {
        final = Signal.Hold;
        if (gateAbstention != AbstentionReason.None)
        {
            return gateAbstention;
        }

        if (vote.Abstention != AbstentionReason.None)
        {
            return vote.Abstention;
        }

        if (vote.Disagreement > options.MaximumDisagreement)
        {
            return AbstentionReason.HighDisagreement;
        }

        var confidence = vote.Signal.Confidence * (1 - (options.DisagreementPenalty * vote.Disagreement));
        confidence = Math.Clamp(confidence, 0, 1);
        if (confidence < options.MinimumConfidence)
        {
            return AbstentionReason.LowConfidence;
        }

        final = new Signal(vote.Signal.Direction, confidence, vote.Signal.Horizon);
        return AbstentionReason.None;
    }

    private DecisionBuffer StateOf(string symbol)
    {
        if (!symbols.TryGetValue(symbol, out var state))
        {
            var ensemble = createEnsemble(ExpertSets.ExpertCount)
                ?? throw new InvalidOperationException("The ensemble factory returned null.");
            if (ensemble.ExpertCount != ExpertSets.ExpertCount)
            {
                throw new InvalidOperationException(
                    $"The ensemble factory made an ensemble for {ensemble.ExpertCount} experts; the roster has {ExpertSets.ExpertCount}.");
            }

            state = new DecisionBuffer(symbol, ExpertSets.ExpertNames, ensemble);
            symbols.Add(symbol, state);
        }

        return state;
    }
}
