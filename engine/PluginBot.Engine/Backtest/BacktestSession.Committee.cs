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
        var strategy = new CommitteeStrategy(regimeSlot, expertSlots, new ExpertCommittee(sets, ensemble, options));
        strategy.Initialize(new PluginContext(clock, portfolio, this.options.Instruments, LoggerFor(StrategyCompositionLoader.CommitteeStrategyId), composition.Settings, tracker));
        return strategy;
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
            requested += RequestSwap(regimeSlot, regime, create, version, completed, replacement);
        }

        for (var index = 0; index < members.Experts.Count; index++)
        {
            if (members.Experts[index].Plugin.PluginId == pluginId)
            {
                requested += RequestSwap(committee.ExpertSlots[index], members.Experts[index].Plugin, create, version, completed, replacement);
            }
        }

        return requested;
    }

    private IEnumerable<string> CommitteePluginIds => PluginIdsOf(composition.Committee).Concat(PluginIdsOf(composition.Experiment?.Candidate));

    private static IEnumerable<string> PluginIdsOf(CommitteeComposition? members) =>
        members is null
            ? []
            : (members.Regime is { } regime ? new[] { regime.PluginId } : []).Concat(members.Experts.Select(expert => expert.Plugin.PluginId));
}
