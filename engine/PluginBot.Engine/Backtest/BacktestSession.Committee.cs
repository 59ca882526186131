using PluginBot.Engine.Committees;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Hosting;
using PluginBot.Experts.Committees;
using PluginBot.Experts.Comparison;
using PluginBot.Experts.Routing;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Regimes;

namespace PluginBot.Engine.Backtest;

/// <summary>Building a mixture-of-experts composition: detector and expert slots around one committee strategy.</summary>
public sealed partial class BacktestSession
{
    /// <summary>The committee deciding for this session, when the composition has experts instead of a strategy plugin.</summary>
    public CommitteeStrategy? Committee { get; private set; }

    /// <summary>The candidate expert set, when the composition runs an experiment.</summary>
    public CommitteeStrategy? CandidateCommittee { get; private set; }

    /// <summary>The A/B or shadow split between <see cref="Committee"/> and <see cref="CandidateCommittee"/>, if any.</summary>
    public ExpertSetSplitStrategy? Experiment { get; private set; }

    // The reference each committee slot runs when a swap changed it from the composition's; the lock is this
    // dictionary because a watcher thread reads it while the engine thread records swaps.
    private readonly Dictionary<IPluginSlot, PluginReference> committeeReferences = new(ReferenceEqualityComparer.Instance);

    // Each member has its own slot, so a detector or an expert can be swapped or faulted alone.
    private IReadOnlyList<IPluginSlot> CommitteeSlots => [.. SlotsOf(Committee), .. SlotsOf(CandidateCommittee)];

    private static IEnumerable<IPluginSlot> SlotsOf(CommitteeStrategy? committee) =>
        committee is null ? [] : [.. (committee.RegimeSlot is { } regime ? new IPluginSlot[] { regime } : []), .. committee.ExpertSlots];

    private IStrategy BuildDecider(CommitteeComposition control, ExpertSetExperiment? experiment, string path)
    {
        Committee = BuildCommittee(control, path);
        if (experiment is null)
        {
            return Committee;
        }

        CandidateCommittee = BuildCommittee(experiment.Candidate, path);
        Experiment = new ExpertSetSplitStrategy(Committee, CandidateCommittee, SplitterFor(experiment), new ExpertSetComparison());
        return Experiment;
    }

    /// <summary>
    /// Where the execution engine finds the expert shares of the decision it is acting on: the experiment's traded
    /// set, or the committee; null when no expert of either set has a risk budget, so the engine skips the check.
    /// </summary>
    private Func<string, ExpertAttribution?>? ExpertAttributionSource()
    {
        if (Committee?.RiskBudgets is null && CandidateCommittee?.RiskBudgets is null)
        {
            return null;
        }

        return Experiment is { } experiment ? experiment.AttributionOf : Committee!.AttributionOf;
    }

    /// <summary>The traffic splitter an experiment's settings describe.</summary>
    public static ITrafficSplitter SplitterFor(ExpertSetExperiment experiment) => experiment.Mode switch
    {
        ExpertSetSplitMode.Hash => new HashTrafficSplitter(experiment.CandidateFraction, experiment.Salt),
        ExpertSetSplitMode.Symbol => new SymbolTrafficSplitter(experiment.CandidateSymbols),
        _ => new ShadowTrafficSplitter(),
    };

    private CommitteeStrategy BuildCommittee(CommitteeComposition composition, string path)
    {
        PluginSlot<IRegimeDetector>? regimeSlot = null;
        if (composition.Regime is { } regimeReference)
        {
            var detector = catalog.Create<IRegimeDetector>(regimeReference, path, "$.regime");
            Initialize(detector, regimeReference);
            regimeSlot = new PluginSlot<IRegimeDetector>(regimeReference.PluginId, detector, catalog.VersionOf(regimeReference.PluginId), CommitteeMemberWarmUp.Detector);
        }

        var expertSlots = new List<PluginSlot<IExpert>>();
        var names = new List<string>();
        var regimeExperts = Enum.GetValues<MarketRegime>().ToDictionary(regime => regime, _ => new List<string>());
        for (var index = 0; index < composition.Experts.Count; index++)
        {
            var reference = composition.Experts[index];
            var expert = catalog.Create<IExpert>(reference.Plugin, path, $"$.experts[{index}]");
            Initialize(expert, reference.Plugin);
            // The roster name is the plugin id, made unique when one plugin serves twice with different settings.
            var name = names.Contains(reference.Plugin.PluginId, StringComparer.Ordinal) ? $"{reference.Plugin.PluginId}#{index}" : reference.Plugin.PluginId;
            names.Add(name);
            foreach (var regime in reference.Regimes)
            {
                regimeExperts[regime].Add(name);
            }

            expertSlots.Add(new PluginSlot<IExpert>(name, expert, catalog.VersionOf(reference.Plugin.PluginId), CommitteeMemberWarmUp.Expert));
        }

        var sets = new ExpertSets(names, regimeExperts.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value));
        var options = CommitteeSettings.ReadOptions(composition.Settings);
        var ensemble = CommitteeSettings.ReadEnsemble(composition.Settings, composition.Experts.Select(expert => expert.Weight).ToArray());
        var budgets = new ExpertRiskBudgets(names, composition.Experts.Select(expert => expert.RiskBudget).ToArray());
        var strategy = new CommitteeStrategy(regimeSlot, expertSlots, new ExpertCommittee(sets, ensemble, options), riskBudgets: budgets);
        strategy.Initialize(new PluginContext(clock, portfolio, this.options.Instruments, LoggerFor(StrategyCompositionLoader.CommitteeStrategyId), composition.Settings, tracker));
        return strategy;
    }

    /// <summary>The name of the composition's own expert set in <see cref="RequestCommitteeExpertSwap"/>.</summary>
    public const string ControlExpertSet = "control";

    /// <summary>The name of the experiment's candidate expert set in <see cref="RequestCommitteeExpertSwap"/>.</summary>
    public const string CandidateExpertSet = "candidate";

    /// <summary>
    /// The plugin and settings the expert slot <paramref name="slot"/> of expert set <paramref name="set"/> runs now:
    /// the composition's, until a swap with a replacement reference changed them (a model promotion keeps the plugin
    /// but points it at another model folder, and the next promotion must know which folder is served). Safe to call
    /// from any thread; null when the set has no such slot.
    /// </summary>
    /// <param name="set"><see cref="ControlExpertSet"/> or <see cref="CandidateExpertSet"/>.</param>
    /// <param name="slot">The slot's roster name (the plugin id, or <c>id#index</c> when one plugin serves twice).</param>
    public PluginReference? CommitteeExpertReference(string set, string slot)
    {
        var (members, committee) = ExpertSet(set);
        if (members is null || committee is null)
        {
            return null;
        }

        for (var index = 0; index < committee.ExpertSlots.Count; index++)
        {
            if (string.Equals(committee.ExpertSlots[index].Name, slot, StringComparison.Ordinal))
            {
                return CurrentReference(committee.ExpertSlots[index], members.Experts[index].Plugin);
            }
        }

        return null;
    }

    /// <summary>
    /// Asks one committee expert slot, named by its set and roster name, to take an instance from
    /// <paramref name="create"/> initialised with <paramref name="replacement"/>'s settings, between two events like
    /// <see cref="RequestSwap"/> (so any thread may call it). Unlike <see cref="RequestSwap"/>, which swaps every slot
    /// running a plugin, only this slot changes: two experts of the same plugin may serve different models. On success
    /// the slot's reference becomes <paramref name="replacement"/> and the retired instance is disposed (a model
    /// expert holds a native inference session); a refused replacement is disposed and the old instance keeps running.
    /// </summary>
    /// <param name="set"><see cref="ControlExpertSet"/> or <see cref="CandidateExpertSet"/>.</param>
    /// <param name="slot">The slot's roster name.</param>
    /// <param name="create">Makes the replacement (on the engine's thread).</param>
    /// <param name="version">The replacement's version, for records.</param>
    /// <param name="replacement">The plugin and settings the replacement is initialised with.</param>
    /// <param name="completed">Told the outcome, on the engine's thread (or the caller's when superseded or cancelled).</param>
    /// <returns>False when the set has no such slot (nothing was requested).</returns>
    public bool RequestCommitteeExpertSwap(string set, string slot, Func<IPlugin> create, string version, PluginReference replacement, Action<SwapRecord>? completed = null)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(replacement);
        var (_, committee) = ExpertSet(set);
        var target = committee?.ExpertSlots.FirstOrDefault(expert => string.Equals(expert.Name, slot, StringComparison.Ordinal));
        if (target is null)
        {
            return false;
        }

        IExpert CreateReplacement()
        {
            var created = create();
            if (created is not IExpert expert)
            {
                (created as IDisposable)?.Dispose();
                throw new InvalidOperationException($"Plugin '{replacement.PluginId}' {version} is a {created.GetType().Name}, not an expert, and cannot replace slot {slot}.");
            }

            try
            {
                Initialize(expert, replacement);
            }
            catch
            {
                // The slot never sees an instance whose initialisation threw, so it cannot retire it: release it here.
                (expert as IDisposable)?.Dispose();
                throw;
            }

            return expert;
        }

        target.RequestSwap(CreateReplacement, version, outcome =>
        {
            if (outcome.Record.Succeeded)
            {
                Track(target, replacement);
                RelabelDecider();
            }

            // Nothing calls the retired instance any more: the old one after a success, the refused one after a failure.
            (outcome.Retired as IDisposable)?.Dispose();
            completed?.Invoke(outcome.Record);
        });
        return true;
    }

    private (CommitteeComposition? Members, CommitteeStrategy? Committee) ExpertSet(string set) => set switch
    {
        ControlExpertSet => (composition.Committee, Committee),
        CandidateExpertSet => (composition.Experiment?.Candidate, CandidateCommittee),
        _ => (null, null),
    };

    private PluginReference CurrentReference(IPluginSlot slot, PluginReference composed)
    {
        lock (committeeReferences)
        {
            return committeeReferences.TryGetValue(slot, out var current) ? current : composed;
        }
    }

    private void Track(IPluginSlot slot, PluginReference current)
    {
        lock (committeeReferences)
        {
            committeeReferences[slot] = current;
        }
    }

    private int RequestCommitteeSwaps(string pluginId, Func<IPlugin> create, string version, Action<SwapRecord>? completed, PluginReference? replacement) =>
        RequestCommitteeSwaps(composition.Committee, Committee, pluginId, create, version, completed, replacement)
        + RequestCommitteeSwaps(composition.Experiment?.Candidate, CandidateCommittee, pluginId, create, version, completed, replacement);

    private int RequestCommitteeSwaps(CommitteeComposition? members, CommitteeStrategy? committee, string pluginId, Func<IPlugin> create, string version, Action<SwapRecord>? completed, PluginReference? replacement)
    {
        if (members is null || committee is null)
        {
            return 0;
        }

        var requested = 0;
        if (members.Regime is { } regime && regime.PluginId == pluginId && committee.RegimeSlot is { } regimeSlot)
        {
            var reference = SwapReference(regimeSlot, regime, pluginId);
            requested += RequestSwap(regimeSlot, reference, create, version, Tracking(regimeSlot, replacement ?? reference, completed), replacement);
        }

        for (var index = 0; index < members.Experts.Count; index++)
        {
            if (members.Experts[index].Plugin.PluginId == pluginId)
            {
                var slot = committee.ExpertSlots[index];
                var reference = SwapReference(slot, members.Experts[index].Plugin, pluginId);
                requested += RequestSwap(slot, reference, create, version, Tracking(slot, replacement ?? reference, completed), replacement);
            }
        }

        return requested;
    }

    // A new version of the plugin a slot runs keeps the settings the slot runs now (say a promoted model folder), not
    // the composition's; when a swap replaced the slot with another plugin, the composition's settings are all there is.
    private PluginReference SwapReference(IPluginSlot slot, PluginReference composed, string pluginId)
    {
        var current = CurrentReference(slot, composed);
        return string.Equals(current.PluginId, pluginId, StringComparison.Ordinal) ? current : composed;
    }

    private Action<SwapRecord> Tracking(IPluginSlot slot, PluginReference next, Action<SwapRecord>? completed) => record =>
    {
        if (record.Succeeded)
        {
            Track(slot, next);
            RelabelDecider();
        }

        completed?.Invoke(record);
    };

    // Decision records name the committee's version: every member's version, so a member swap is a new version of it.
    private void RelabelDecider()
    {
        if (Committee is { } committee)
        {
            StrategySlot.Relabel(committee.Version);
        }
    }

    private IEnumerable<string> CommitteePluginIds => PluginIdsOf(composition.Committee).Concat(PluginIdsOf(composition.Experiment?.Candidate));

    private static IEnumerable<string> PluginIdsOf(CommitteeComposition? members) =>
        members is null
            ? []
            : (members.Regime is { } regime ? new[] { regime.PluginId } : []).Concat(members.Experts.Select(expert => expert.Plugin.PluginId));
}
