using System.Globalization;
using PluginBot.Experts.Comparison;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Committees;

/// <summary>
/// A/B between two expert sets: both committees see every bar (so both stay warm and both decide), a traffic splitter
/// says which set's decision is traded — and, in shadow mode, which set decides on paper only — and every decision a
/// set takes is scored when the symbol's next bar closes: the return of its direction from the decision close to that
/// close (its hypothetical P&amp;L per decision, fees excluded), with the confidence it stated, for hit rate, Sharpe,
/// calibration, Welch's t-test and the sequential test in <see cref="Comparison"/>.
/// All members run on the engine thread; the host changes <see cref="Splitter"/> or promotes between two events.
/// </summary>
public sealed class ExpertSetSplitStrategy : IStrategy
{
    private readonly Dictionary<string, PendingDecisions> pending = new(StringComparer.Ordinal);
    private readonly char[] decisionId = new char[96];

    /// <summary>Creates the split.</summary>
    public ExpertSetSplitStrategy(CommitteeStrategy control, CommitteeStrategy candidate, ITrafficSplitter splitter, ExpertSetComparison comparison)
    {
        Control = control;
        Candidate = candidate;
        Splitter = splitter;
        Comparison = comparison;
    }

    /// <summary>The set trading by default.</summary>
    public CommitteeStrategy Control { get; private set; }

    /// <summary>The challenger.</summary>
    public CommitteeStrategy Candidate { get; private set; }

    /// <summary>Which set trades each decision; replaceable between events (reconfiguring the experiment).</summary>
    public ITrafficSplitter Splitter { get; set; }

    /// <summary>Live statistics per set since the experiment (re)started.</summary>
    public ExpertSetComparison Comparison { get; private set; }

    /// <summary>Decisions the candidate traded (not shadow).</summary>
    public long CandidateTraded { get; private set; }

    /// <summary>Decisions the control traded.</summary>
    public long ControlTraded { get; private set; }

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        // Both committees were initialised when the session built them.
    }

    /// <summary>
    /// Makes the candidate the control and starts a fresh comparison (the old statistics described the old roles).
    /// The new candidate is the old control, so rolling back is promoting again.
    /// </summary>
    public void SwapRoles(ExpertSetComparison freshComparison)
    {
        (Control, Candidate) = (Candidate, Control);
        Comparison = freshComparison;
        pending.Clear();
    }

    /// <inheritdoc />
    public Signal OnBar(in Bar bar)
    {
        if (!pending.TryGetValue(bar.Symbol, out var open))
        {
            open = new PendingDecisions();
            pending.Add(bar.Symbol, open);
        }

        var close = (double)bar.Close;
        Settle(open.Control, ExpertSetRole.Control, close);
        Settle(open.Candidate, ExpertSetRole.Candidate, close);

        var controlSignal = Control.OnBar(in bar);
        var candidateSignal = Candidate.OnBar(in bar);
        var assignment = Splitter.Assign(bar.Symbol, DecisionId(in bar));
        open.Control = default;
        open.Candidate = default;
        Remember(assignment.Trading, controlSignal, candidateSignal, close, open);
        if (assignment.Shadow is { } shadow)
        {
            Remember(shadow, controlSignal, candidateSignal, close, open);
        }

        open.CandidateTrades = assignment.Trading == ExpertSetRole.Candidate;
        if (open.CandidateTrades)
        {
            CandidateTraded++;
            return candidateSignal;
        }

        ControlTraded++;
        return controlSignal;
    }

    /// <summary>
    /// The expert shares behind the decision traded last for <paramref name="symbol"/>: the candidate's when the
    /// candidate traded it, the control's otherwise, so each set's experts are held to their own risk budgets. Null
    /// when the trading set has no budgets, or no decision since the symbol's first bar or the last role swap.
    /// </summary>
    public ExpertAttribution? AttributionOf(string symbol) =>
        pending.TryGetValue(symbol, out var open)
            ? (open.CandidateTrades ? Candidate : Control).AttributionOf(symbol)
            : null;

    private static void Remember(ExpertSetRole role, Signal control, Signal candidate, double close, PendingDecisions open)
    {
        var signal = role == ExpertSetRole.Candidate ? candidate : control;
        if (signal.Direction is not (SignalDirection.Long or SignalDirection.Short))
        {
            return;
        }

        var decision = new PendingDecision(signal.Direction, signal.Confidence, close, true);
        if (role == ExpertSetRole.Candidate)
        {
            open.Candidate = decision;
        }
        else
        {
            open.Control = decision;
        }
    }

    private void Settle(PendingDecision decision, ExpertSetRole role, double close)
    {
        if (decision.IsSet)
        {
            Comparison.Record(role, decision.Confidence, DecisionReturn.Of(decision.Direction, decision.EntryPrice, close));
        }
    }

    // "SYMBOL@ticks", formatted into a reused buffer: the id must be stable across runs and processes, and cost nothing.
    private ReadOnlySpan<char> DecisionId(in Bar bar)
    {
        var symbol = bar.Symbol.AsSpan();
        var length = Math.Min(symbol.Length, decisionId.Length - 24);
        symbol[..length].CopyTo(decisionId);
        decisionId[length] = '@';
        bar.EndTime.Ticks.TryFormat(decisionId.AsSpan(length + 1), out var written, provider: CultureInfo.InvariantCulture);
        return decisionId.AsSpan(0, length + 1 + written);
    }

    private sealed class PendingDecisions
    {
        public PendingDecision Control;

        public PendingDecision Candidate;

        public bool CandidateTrades;
    }

    private readonly record struct PendingDecision(SignalDirection Direction, double Confidence, double EntryPrice, bool IsSet);
}
