using PluginBot.Engine.Committees;
using PluginBot.Engine.Composition;
using PluginBot.Experts.Comparison;
using PluginBot.Server;
using PluginBot.Server.Contracts;

namespace PluginBot.Live;

/// <summary>The control API's A/B side: reading, reconfiguring, promoting and rolling back expert-set experiments.</summary>
public sealed partial class EngineControl
{
    /// <inheritdoc />
    public Task<SplitStatus> GetSplitAsync(string strategy, CancellationToken cancellationToken)
    {
        var found = Find(strategy);
        return found.InvokeAsync(() => Split(found)).WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<SplitStatus> ConfigureSplitAsync(string strategy, SplitConfiguration configuration, CancellationToken cancellationToken)
    {
        var found = Find(strategy);
        var experiment = RequireExperiment(found);
        ITrafficSplitter splitter = configuration.Mode switch
        {
            SplitMode.BySymbol => new SymbolTrafficSplitter(configuration.CandidateSymbols ?? []),
            SplitMode.HashPercentage => new HashTrafficSplitter((double)(configuration.CandidatePercentage ?? 50) / 100, found.Composition.Experiment!.Salt),
            _ => new ShadowTrafficSplitter(),
        };
        return found.InvokeAsync(() =>
        {
            experiment.Splitter = splitter;
            lock (gate)
            {
                splits[strategy] = configuration;
            }

            return Split(found);
        }).WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<SplitStatus> PromoteCandidateAsync(string strategy, CancellationToken cancellationToken)
    {
        var found = Find(strategy);
        var experiment = RequireExperiment(found);
        return found.InvokeAsync(() =>
        {
            // The candidate becomes the control and trades everything; the old control stays as the shadow to roll back to.
            experiment.SwapRoles(new ExpertSetComparison());
            experiment.Splitter = new ShadowTrafficSplitter();
            lock (gate)
            {
                splits[strategy] = new SplitConfiguration(SplitMode.Shadow, "control", "candidate");
            }

            return Split(found);
        }).WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<SplitStatus> RollbackCandidateAsync(string strategy, CancellationToken cancellationToken)
    {
        var found = Find(strategy);
        var experiment = RequireExperiment(found);
        return found.InvokeAsync(() =>
        {
            // The control trades everything again; the candidate keeps deciding in the shadow so it can be judged.
            experiment.Splitter = new ShadowTrafficSplitter();
            lock (gate)
            {
                splits[strategy] = new SplitConfiguration(SplitMode.Shadow, "control", "candidate");
            }

            return Split(found);
        }).WaitAsync(cancellationToken);
    }

    private static ExpertSetSplitStrategy RequireExperiment(LiveStrategy strategy) =>
        strategy.Session.Experiment ?? throw new EngineControlException($"strategy '{strategy.Name}' runs one expert set; add \"candidate\" and \"split\" to its composition to compare two");

    private SplitStatus Split(LiveStrategy strategy)
    {
        if (strategy.Session.Experiment is not { } experiment)
        {
            return new SplitStatus(strategy.Name, null, []);
        }

        SplitConfiguration? configuration;
        lock (gate)
        {
            splits.TryGetValue(strategy.Name, out configuration);
        }

        var comparison = experiment.Comparison;
        var sets = new[]
        {
            Statistics("control", SplitRole.Control, comparison.Control, experiment.ControlTraded),
            Statistics("candidate", SplitRole.Candidate, comparison.Candidate, experiment.CandidateTraded),
        };
        SplitSignificance? test = null;
        if (comparison.Control.Count > 1 && comparison.Candidate.Count > 1)
        {
            var welch = comparison.CompareReturns();
            if (double.IsFinite(welch.PValue))
            {
                test = new SplitSignificance(welch.MeanDifference, welch.TStatistic, welch.DegreesOfFreedom, welch.PValue,
                    comparison.CandidateTest?.Decision.ToString() ?? "not configured");
            }
        }

        return new SplitStatus(strategy.Name, configuration, sets, test);
    }

    private static ExpertSetStatistics Statistics(string set, SplitRole role, DecisionStatistics statistics, long traded) => new(
        set,
        role,
        statistics.Count,
        traded,
        statistics.Hits,
        (decimal)(statistics.Count > 0 ? statistics.MeanReturn * statistics.Count : 0),
        Finite(statistics.HitRate),
        Finite(statistics.MeanReturn),
        Finite(statistics.SharpeRatio),
        Finite(statistics.BrierScore));

    private static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 10) : null;

    private static SplitMode ModeOf(ExpertSetSplitMode mode) => mode switch
    {
        ExpertSetSplitMode.Symbol => SplitMode.BySymbol,
        ExpertSetSplitMode.Hash => SplitMode.HashPercentage,
        _ => SplitMode.Shadow,
    };
}
