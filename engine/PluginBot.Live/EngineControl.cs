using System.Text.Json;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Committees;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Hosting;
using PluginBot.Experts.Comparison;
using PluginBot.Hosting;
using PluginBot.Persistence;
using PluginBot.Sdk.Orders;
using PluginBot.Server;
using PluginBot.Server.Contracts;

namespace PluginBot.Live;

/// <summary>
/// The control API's view of the running host. Every read or change of a strategy's state is queued to its engine
/// thread and runs between two events (or directly once the strategy has stopped), so the API never races the kernel.
/// </summary>
public sealed partial class EngineControl : IEngineControl
{
    private static readonly TimeSpan SwapTimeout = TimeSpan.FromSeconds(30);
    private readonly IReadOnlyDictionary<string, LiveStrategy> strategies;
    private readonly PluginHost host;
    private readonly PluginCatalog catalog;
    private readonly TradingStore store;
    private readonly TimeProvider time;
    private readonly Dictionary<string, SplitConfiguration> splits = new(StringComparer.Ordinal);
    private readonly object gate = new();
    private DateTime? killSwitchSince;

    /// <summary>Creates the control surface over <paramref name="strategies"/>.</summary>
    public EngineControl(IReadOnlyList<LiveStrategy> strategies, PluginHost host, PluginCatalog catalog, TradingStore store, TimeProvider time)
    {
        this.strategies = strategies.ToDictionary(s => s.Name, StringComparer.Ordinal);
        this.host = host;
        this.catalog = catalog;
        this.store = store;
        this.time = time;
        foreach (var strategy in strategies)
        {
            if (strategy.Composition.Experiment is { } experiment)
            {
                splits[strategy.Name] = new SplitConfiguration(ModeOf(experiment.Mode), "control", "candidate", experiment.CandidateSymbols,
                    experiment.Mode == ExpertSetSplitMode.Hash ? (decimal)experiment.CandidateFraction * 100 : null);
            }
        }
    }

    /// <summary>Called with a script strategy's name and file when a script swap is asked for; the host wires it to the script's reloader.</summary>
    public Action<string, string>? RecompileScript { get; init; }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StrategySummary>> ListStrategiesAsync(CancellationToken cancellationToken)
    {
        var summaries = new List<StrategySummary>();
        foreach (var strategy in strategies.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            summaries.Add(await strategy.InvokeAsync(() => Summarize(strategy)).WaitAsync(cancellationToken));
        }

        return summaries;
    }

    /// <inheritdoc />
    public Task<StrategySummary> GetStrategyAsync(string strategy, CancellationToken cancellationToken)
    {
        var found = Find(strategy);
        return found.InvokeAsync(() => Summarize(found)).WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PluginSummary>> ListPluginsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PluginSummary>>(host.Plugins
            .Select(p => new PluginSummary(p.Id, p.Version ?? "?", p.Manifest?.Kind.ToString() ?? "unknown", p.State.ToString(), p.Errors.FirstOrDefault()))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToList());

    /// <inheritdoc />
    public async Task<IReadOnlyList<ExpertSummary>> ListExpertsAsync(CancellationToken cancellationToken)
    {
        var experts = new List<ExpertSummary>();
        foreach (var strategy in strategies.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            experts.AddRange(await strategy.InvokeAsync(() => Experts(strategy)).WaitAsync(cancellationToken));
        }

        return experts;
    }

    /// <inheritdoc />
    public async Task<SwapResult> SwapAsync(string strategy, SwapRequest request, CancellationToken cancellationToken)
    {
        var found = Find(strategy);
        if (found.IsFinished)
        {
            throw new EngineControlException($"strategy '{strategy}' has stopped; there is nothing to swap into");
        }

        if (request.Kind == SwapKind.Script)
        {
            return await SwapScriptAsync(found, request, cancellationToken);
        }

        Func<Sdk.Plugins.IPlugin> factory;
        try
        {
            factory = catalog.FactoryFor(request.Target);
        }
        catch (KeyNotFoundException exception)
        {
            throw new EngineControlException($"target: {exception.Message}");
        }

        var completion = new TaskCompletionSource<SwapRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Another plugin gets its own settings (its defaults); a new version of the same plugin keeps the slot's.
        var replacement = string.Equals(request.Slot, request.Target, StringComparison.Ordinal)
            ? null
            : new PluginReference(request.Target, Sdk.Configuration.PluginSettings.Empty);
        var version = replacement is null ? catalog.VersionOf(request.Target) : $"{request.Target}@{catalog.VersionOf(request.Target)}";
        var asked = found.Session.RequestSwap(request.Slot, factory, version, record => completion.TrySetResult(record), replacement);
        if (asked == 0)
        {
            throw new EngineControlException($"slot: strategy '{strategy}' runs no plugin '{request.Slot}'; it runs: {string.Join(", ", found.Session.PluginIds)}");
        }

        var swap = await completion.Task.WaitAsync(SwapTimeout, cancellationToken);
        return new SwapResult(swap.Time, swap.Slot, swap.FromVersion, swap.ToVersion, swap.Succeeded, swap.Error, swap.Note);
    }

    /// <inheritdoc />
    public Task<StrategySummary> PauseAsync(string strategy, CancellationToken cancellationToken) => SetPaused(strategy, true, cancellationToken);

    /// <inheritdoc />
    public Task<StrategySummary> ResumeAsync(string strategy, CancellationToken cancellationToken) => SetPaused(strategy, false, cancellationToken);

    /// <inheritdoc />
    public async Task<FlattenResult> FlattenAsync(string strategy, CancellationToken cancellationToken)
    {
        var found = Find(strategy);
        if (found.IsFinished)
        {
            throw new EngineControlException($"strategy '{strategy}' has stopped; it cannot send orders");
        }

        var sent = await found.InvokeAsync(() => found.Session.Flatten()).WaitAsync(cancellationToken);
        RecordSetting(LiveStrategy.PausedSettingKey(strategy), "true");
        return new FlattenResult(strategy, sent.Select(order => order.ClientOrderId).ToList());
    }

    /// <inheritdoc />
    public Task<KillSwitchState> GetKillSwitchAsync(CancellationToken cancellationToken) => Task.FromResult(KillSwitch());

    /// <inheritdoc />
    public Task<KillSwitchState> EngageKillSwitchAsync(string reason, CancellationToken cancellationToken)
    {
        var switches = strategies.Values.SelectMany(s => s.Session.ManualSwitches).ToList();
        if (switches.Count == 0)
        {
            throw new EngineControlException("no strategy has a kill-switch layer (risk-kill-switch) in its composition; pause or flatten instead");
        }

        // The switches are thread-safe by contract: engaging must not wait for the next event.
        foreach (var manual in switches)
        {
            manual.Engage(reason);
        }

        lock (gate)
        {
            killSwitchSince ??= time.GetUtcNow().UtcDateTime;
        }

        // Survives a restart: the host engages the switches again before any strategy starts.
        RecordSetting(KillSwitchSettingKey, reason);
        return Task.FromResult(KillSwitch());
    }

    /// <inheritdoc />
    public Task<KillSwitchState> ReleaseKillSwitchAsync(CancellationToken cancellationToken)
    {
        foreach (var manual in strategies.Values.SelectMany(s => s.Session.ManualSwitches))
        {
            manual.Release();
        }

        lock (gate)
        {
            killSwitchSince = null;
        }

        RecordSetting(KillSwitchSettingKey, null);
        return Task.FromResult(KillSwitch());
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PositionSummary>> GetPositionsAsync(string strategy, CancellationToken cancellationToken)
    {
        var found = Find(strategy);
        return found.InvokeAsync<IReadOnlyList<PositionSummary>>(() => found.Session.Portfolio().Positions
            .Select(p => new PositionSummary(strategy, p.Symbol, p.Quantity, p.AveragePrice, p.MarketPrice, (p.MarketPrice - p.AveragePrice) * p.Quantity * p.ContractMultiplier))
            .ToList()).WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OrderSummary>> GetOrdersAsync(string strategy, CancellationToken cancellationToken)
    {
        var found = Find(strategy);
        return found.InvokeAsync<IReadOnlyList<OrderSummary>>(() => found.Session.OrdersSent()
            .Select(o => new OrderSummary(strategy, o.Request.ClientOrderId, o.Request.Symbol, o.Request.Side, o.Request.Type, o.Request.Quantity,
                o.FilledQuantity, o.Request.LimitPrice, o.Status, o.SentTime, o.Reason))
            .ToList()).WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<StrategyProfitLoss> GetProfitLossAsync(string strategy, CancellationToken cancellationToken)
    {
        var found = Find(strategy);
        return found.InvokeAsync(() =>
        {
            var portfolio = found.Session.Portfolio();
            var unrealized = portfolio.Positions.Sum(p => (p.MarketPrice - p.AveragePrice) * p.Quantity * p.ContractMultiplier);
            return new StrategyProfitLoss(strategy, portfolio.RealizedProfitLoss, unrealized, portfolio.DailyProfitLoss, portfolio.FeesPaid, portfolio.Equity);
        }).WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DecisionEntry>> GetDecisionsAsync(string strategy, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        Find(strategy);
        return Task.FromResult<IReadOnlyList<DecisionEntry>>(store.ReadDecisions(strategy, afterSequence, limit)
            .Select(d =>
            {
                using var document = JsonDocument.Parse(d.RecordJson);
                return new DecisionEntry(d.Sequence, d.Time, d.Symbol, document.RootElement.Clone());
            })
            .ToList());
    }

    private async Task<SwapResult> SwapScriptAsync(LiveStrategy strategy, SwapRequest request, CancellationToken cancellationToken)
    {
        if (strategy.Configuration.ScriptPath is not { } script || RecompileScript is null)
        {
            throw new EngineControlException($"kind: strategy '{strategy.Name}' is not a script strategy");
        }

        if (!string.Equals(Path.GetFullPath(request.Target), script, StringComparison.Ordinal))
        {
            throw new EngineControlException($"target: strategy '{strategy.Name}' runs the script {script}; save the new version there and swap with that path");
        }

        var before = await strategy.InvokeAsync(() => strategy.Session.SwapsFrom(0).Count).WaitAsync(cancellationToken);
        RecompileScript(strategy.Name, script);
        var deadline = time.GetTimestamp();
        while (time.GetElapsedTime(deadline) < SwapTimeout)
        {
            var swaps = await strategy.InvokeAsync(() => strategy.Session.SwapsFrom(before)).WaitAsync(cancellationToken);
            if (swaps.Count > 0)
            {
                var swap = swaps[0];
                return new SwapResult(swap.Time, swap.Slot, swap.FromVersion, swap.ToVersion, swap.Succeeded, swap.Error, swap.Note);
            }

            await Task.Delay(20, cancellationToken);
        }

        throw new EngineControlException("the script did not compile or was not swapped in within 30 s; see the host's log for its diagnostics");
    }

    private async Task<StrategySummary> SetPaused(string strategy, bool paused, CancellationToken cancellationToken)
    {
        var found = Find(strategy);
        var summary = await found.InvokeAsync(() =>
        {
            found.Session.Paused = paused;
            return Summarize(found);
        }).WaitAsync(cancellationToken);
        RecordSetting(LiveStrategy.PausedSettingKey(strategy), paused ? "true" : null);
        return summary;
    }

    /// <summary>The store key under which an engaged kill switch (its reason) survives a restart.</summary>
    public const string KillSwitchSettingKey = "kill-switch";

    private void RecordSetting(string key, string? value)
    {
        using var batch = store.BeginBatch();
        batch.RecordSetting(key, value);
        batch.Commit();
    }

    private KillSwitchState KillSwitch()
    {
        var engaged = strategies.Values.SelectMany(s => s.Session.ManualSwitches).Where(s => s.IsEngaged).ToList();
        lock (gate)
        {
            return new KillSwitchState(engaged.Count > 0, engaged.FirstOrDefault()?.Reason, engaged.Count > 0 ? killSwitchSince : null);
        }
    }

    private LiveStrategy Find(string strategy) =>
        strategies.TryGetValue(strategy, out var found) ? found : throw new StrategyNotFoundException(strategy);

    private static StrategySummary Summarize(LiveStrategy strategy)
    {
        var session = strategy.Session;
        var slots = new List<SlotVersion> { new("strategy", strategy.Composition.Strategy.PluginId, session.StrategySlot.CurrentVersion) };
        slots.Add(new SlotVersion("sizer", strategy.Composition.Sizer.PluginId, session.SizerSlot.CurrentVersion));
        for (var index = 0; index < session.RiskSlots.Count; index++)
        {
            slots.Add(new SlotVersion($"risk[{index}]", strategy.Composition.RiskLayers[index].PluginId, session.RiskSlots[index].CurrentVersion));
        }

        foreach (var (set, committee) in Committees(session))
        {
            if (committee.RegimeSlot is { } regime)
            {
                slots.Add(new SlotVersion($"{set}.regime", regime.Name, regime.CurrentVersion));
            }

            slots.AddRange(committee.ExpertSlots.Select(slot => new SlotVersion($"{set}.expert", slot.Name, slot.CurrentVersion)));
        }

        return new StrategySummary(strategy.Name, session.Paused ? StrategyRunState.Paused : StrategyRunState.Running, slots);
    }

    private static IEnumerable<ExpertSummary> Experts(LiveStrategy strategy) =>
        Committees(strategy.Session).SelectMany(pair => pair.Committee.ExpertSlots.Select(slot =>
            new ExpertSummary(slot.Name, slot.CurrentVersion, $"{strategy.Name}/{pair.Set}", slot.Health.ToString())));

    private static IEnumerable<(string Set, CommitteeStrategy Committee)> Committees(BacktestSession session)
    {
        if (session.Experiment is { } experiment)
        {
            yield return ("control", experiment.Control);
            yield return ("candidate", experiment.Candidate);
        }
        else if (session.Committee is { } committee)
        {
            yield return ("control", committee);
        }
    }
}
