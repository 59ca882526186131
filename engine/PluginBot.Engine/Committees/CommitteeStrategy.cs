using PluginBot.Engine.Hosting;
using PluginBot.Experts.Committees;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Regimes;
using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Committees;

/// <summary>
/// The mixture of experts as the session's strategy: on each closed bar it asks the regime detector for regime
/// probabilities and every expert for its view, hands them to the <see cref="ExpertCommittee"/> (routing, ensemble,
/// disagreement, abstention) and returns the committee's signal. Engine code, not a plugin: the detector and the
/// experts are plugins in their own slots, so each can be hot-swapped or faulted alone.
/// <para>
/// Fault isolation: a detector that throws is faulted and the committee decides without a regime from then on
/// (soft routing over every expert); an expert that throws is faulted and abstains until it is replaced.
/// </para>
/// </summary>
public sealed class CommitteeStrategy : IStrategy
{
    private readonly ExpertCommittee committee;
    private readonly Signal[] signals;
    private readonly List<CommitteeTrailRecord> trail = [];
    private readonly Dictionary<string, RegimeEstimate> lastRegime = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExpertAttribution>? attributions;
    private IPluginContext? context;

    /// <summary>Creates the strategy over its slots.</summary>
    /// <param name="regime">The detector's slot, or null when the composition has none.</param>
    /// <param name="experts">One slot per expert, in the committee's roster order.</param>
    /// <param name="committee">The routing and ensemble maths.</param>
    /// <param name="maximumTrailRecords">Decision records kept; later ones are counted, not kept, so a long run cannot exhaust memory.</param>
    /// <param name="riskBudgets">
    /// The experts' risk budgets; when at least one expert has one, every decision's shares are kept per symbol for
    /// <see cref="AttributionOf"/>. Without budgets nothing is kept.
    /// </param>
    public CommitteeStrategy(
        PluginSlot<IRegimeDetector>? regime,
        IReadOnlyList<PluginSlot<IExpert>> experts,
        ExpertCommittee committee,
        int maximumTrailRecords = 1_000_000,
        ExpertRiskBudgets? riskBudgets = null)
    {
        if (experts.Count != committee.ExpertSets.ExpertCount)
        {
            throw new ArgumentException($"The committee has {committee.ExpertSets.ExpertCount} experts but {experts.Count} slots were given.", nameof(experts));
        }

        RegimeSlot = regime;
        ExpertSlots = experts;
        this.committee = committee;
        MaximumTrailRecords = maximumTrailRecords;
        signals = new Signal[experts.Count];
        if (riskBudgets is { HasAny: true })
        {
            if (riskBudgets.Count != experts.Count)
            {
                throw new ArgumentException($"The committee has {experts.Count} experts but {riskBudgets.Count} risk budgets were given.", nameof(riskBudgets));
            }

            RiskBudgets = riskBudgets;
            attributions = new Dictionary<string, ExpertAttribution>(StringComparer.Ordinal);
        }
    }

    /// <summary>The experts' risk budgets, or null when no expert has one.</summary>
    public ExpertRiskBudgets? RiskBudgets { get; }

    /// <summary>The detector's slot, if any.</summary>
    public PluginSlot<IRegimeDetector>? RegimeSlot { get; }

    /// <summary>The experts' slots in roster order.</summary>
    public IReadOnlyList<PluginSlot<IExpert>> ExpertSlots { get; }

    /// <summary>Every decision in order (up to <see cref="MaximumTrailRecords"/>).</summary>
    public IReadOnlyList<CommitteeTrailRecord> Trail => trail;

    /// <summary>The most decision records kept.</summary>
    public int MaximumTrailRecords { get; }

    /// <summary>Decisions taken but not kept because the trail was full.</summary>
    public long TrailRecordsDropped { get; private set; }

    /// <summary>The version string of the committee: every member's plugin version, for decision records and swaps.</summary>
    public string Version =>
        string.Join(",", (RegimeSlot is null ? [] : new[] { $"{RegimeSlot.Name}@{RegimeSlot.CurrentVersion}" })
            .Concat(ExpertSlots.Select(slot => $"{slot.Name}@{slot.CurrentVersion}")));

    /// <summary>The last regime estimate seen for <paramref name="symbol"/> (for regime-aware sizing), if any.</summary>
    public RegimeEstimate? RegimeOf(string symbol) => lastRegime.TryGetValue(symbol, out var regime) ? regime : null;

    /// <summary>
    /// Each expert's share of the last decision for <paramref name="symbol"/>, held to <see cref="RiskBudgets"/>; null
    /// without budgets or before the symbol's first decision. The instance is reused by the next decision.
    /// </summary>
    public ExpertAttribution? AttributionOf(string symbol) =>
        attributions is not null && attributions.TryGetValue(symbol, out var attribution) ? attribution : null;

    /// <inheritdoc />
    public void Initialize(IPluginContext context) => this.context = context;

    /// <inheritdoc />
    public Signal OnBar(in Bar bar)
    {
        var regime = DetectRegime(in bar);
        for (var index = 0; index < ExpertSlots.Count; index++)
        {
            signals[index] = Ask(ExpertSlots[index], in bar);
        }

        var decision = committee.Decide(bar.Symbol, (double)bar.Close, regime, signals);
        if (attributions is not null)
        {
            Attribute(bar.Symbol, decision);
        }

        if (trail.Count < MaximumTrailRecords)
        {
            trail.Add(new CommitteeTrailRecord(bar.EndTime, decision.ToRecord()));
        }
        else
        {
            TrailRecordsDropped++;
        }

        return decision.Signal;
    }

    private void Attribute(string symbol, CommitteeDecision decision)
    {
        if (!attributions!.TryGetValue(symbol, out var attribution))
        {
            attribution = new ExpertAttribution(symbol, RiskBudgets!);
            attributions.Add(symbol, attribution);
        }

        attribution.Update(decision);
    }

    private RegimeEstimate? DetectRegime(in Bar bar)
    {
        if (RegimeSlot is null || RegimeSlot.Health == PluginHealth.Faulted)
        {
            return null;
        }

        try
        {
            var estimate = RegimeSlot.Current.Update(in bar);
            lastRegime[bar.Symbol] = estimate;
            return estimate;
        }
        catch (Exception exception)
        {
            RegimeSlot.MarkFaulted(exception);
            context?.Log.Error($"regime detector {RegimeSlot.CurrentVersion} faulted: {exception.GetType().Name}: {exception.Message}; deciding without a regime until it is replaced");
            return null;
        }
    }

    private Signal Ask(PluginSlot<IExpert> slot, in Bar bar)
    {
        if (slot.Health == PluginHealth.Faulted)
        {
            return Signal.Hold;
        }

        try
        {
            return slot.Current.Evaluate(in bar);
        }
        catch (Exception exception)
        {
            slot.MarkFaulted(exception);
            context?.Log.Error($"expert {slot.Name} {slot.CurrentVersion} faulted: {exception.GetType().Name}: {exception.Message}; it abstains until it is replaced");
            return Signal.Hold;
        }
    }
}
