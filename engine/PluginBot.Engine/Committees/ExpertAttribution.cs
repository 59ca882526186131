using PluginBot.Experts.Committees;
using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Committees;

/// <summary>
/// How much of a symbol's latest committee decision each expert is responsible for, so the execution engine can hold
/// each expert to its <see cref="ExpertRiskBudgets">risk budget</see>.
/// </summary>
/// <remarks>
/// <para>
/// An expert's share is |ensemble weight × gate weight × confidence| among the experts that voted the final
/// direction, normalised so the shares sum to 1. Experts that abstained or voted against the decision get 0: the
/// position goes the way they did not want, so none of it is theirs. The product is the expert's pull on the
/// ensemble's score, which is why it, and not the raw confidence, says how much of the decision is the expert's.
/// </para>
/// <para>
/// If the voters of the final direction all have zero weight (possible only with degenerate ensembles), they share
/// equally. If nobody voted the final direction, or the committee held, <see cref="Direction"/> is Hold and the
/// engine attributes nothing.
/// </para>
/// <para>One instance per symbol and committee, overwritten by every decision: updating allocates nothing.</para>
/// </remarks>
public sealed class ExpertAttribution
{
    private readonly double[] shares;

    /// <summary>Creates an empty attribution (direction Hold) for one symbol of a committee.</summary>
    public ExpertAttribution(string symbol, ExpertRiskBudgets budgets)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        ArgumentNullException.ThrowIfNull(budgets);
        Symbol = symbol;
        Budgets = budgets;
        shares = new double[budgets.Count];
    }

    /// <summary>The symbol the decision was for.</summary>
    public string Symbol { get; }

    /// <summary>The roster's budgets the shares are held to.</summary>
    public ExpertRiskBudgets Budgets { get; }

    /// <summary>The direction of the decision the shares describe; Hold when nothing is attributed.</summary>
    public SignalDirection Direction { get; private set; }

    /// <summary>Each expert's share of the decision, in roster order; they sum to 1 unless the direction is Hold.</summary>
    public ReadOnlySpan<double> Shares => shares;

    /// <summary>Replaces the shares with those of <paramref name="decision"/> (which must be current).</summary>
    /// <exception cref="ArgumentException">The decision lists another number of experts than the budgets.</exception>
    public void Update(CommitteeDecision decision)
    {
        if (decision.ExpertCount != shares.Length)
        {
            throw new ArgumentException($"The decision lists {decision.ExpertCount} experts; the budgets have {shares.Length}.", nameof(decision));
        }

        var direction = decision.Signal.Direction;
        Array.Clear(shares);
        Direction = SignalDirection.Hold;
        if (direction is not (SignalDirection.Long or SignalDirection.Short))
        {
            return;
        }

        var total = 0.0;
        var voters = 0;
        for (var expert = 0; expert < shares.Length; expert++)
        {
            var signal = decision.GetSignal(expert);
            if (signal.Direction != direction)
            {
                continue;
            }

            var weight = Math.Abs(decision.GetEnsembleWeight(expert) * decision.GetGateWeight(expert) * signal.Confidence);
            shares[expert] = double.IsFinite(weight) ? weight : 0;
            total += shares[expert];
            voters++;
        }

        if (voters == 0)
        {
            return;
        }

        for (var expert = 0; expert < shares.Length; expert++)
        {
            if (total > 0)
            {
                shares[expert] /= total;
            }
            else if (decision.GetSignal(expert).Direction == direction)
            {
                shares[expert] = 1.0 / voters;
            }
        }

        Direction = direction;
    }
}
