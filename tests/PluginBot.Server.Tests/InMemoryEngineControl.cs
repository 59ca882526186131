using System.Globalization;
using System.Text.Json;
using PluginBot.Sdk.Orders;
using PluginBot.Server.Contracts;

namespace PluginBot.Server.Tests;

/// <summary>
/// A test double of the engine host that keeps real state: pausing changes what is listed, flattening sends closing
/// orders and empties positions, swaps change slot versions, splits are configured, promoted and rolled back.
/// </summary>
internal sealed class InMemoryEngineControl : IEngineControl
{
    public static readonly DateTime Now = new(2024, 5, 1, 9, 30, 0, DateTimeKind.Utc);
    private readonly object gate = new();
    private readonly Dictionary<string, StrategyState> strategies = new(StringComparer.Ordinal);
    private KillSwitchState killSwitch = new(false, null, null);
    private long orderSequence;

    public InMemoryEngineControl()
    {
        var alpha = new StrategyState("alpha");
        alpha.Slots["strategy"] = new SlotVersion("strategy", "ema-cross", "1.0.0");
        alpha.Slots["risk[0]"] = new SlotVersion("risk[0]", "risk-drawdown", "2.0.0");
        alpha.Positions.Add(new PositionSummary("alpha", "BTCUSDT", 0.5m, 40000m, 41000m, 500m));
        alpha.Positions.Add(new PositionSummary("alpha", "ETHUSDT", -2m, 3000m, 2900m, 200m));
        alpha.Orders.Add(new OrderSummary("alpha", "alpha-00000001", "BTCUSDT", OrderSide.Buy, OrderType.Market, 0.5m, 0.5m, null, OrderStatus.Filled, Now.AddHours(-1)));
        alpha.ProfitLoss = new StrategyProfitLoss("alpha", 120.5m, 700m, 35.25m, 4.5m, 10820.5m);
        for (var index = 1; index <= 5; index++)
        {
            alpha.Decisions.Add(new DecisionEntry(index * 10, Now.AddMinutes(index), "BTCUSDT",
                JsonDocument.Parse(string.Create(CultureInfo.InvariantCulture, $$"""{"outcome":"OrderSent","index":{{index}}}""")).RootElement.Clone()));
        }

        var beta = new StrategyState("beta");
        beta.Slots["strategy"] = new SlotVersion("strategy", "scripts/mean-reversion.cs", "sha256:ab12");
        beta.ProfitLoss = new StrategyProfitLoss("beta", -20m, 0m, -5m, 1m, 4980m);
        strategies.Add(alpha.Name, alpha);
        strategies.Add(beta.Name, beta);
        orderSequence = 1;
    }

    public Task<IReadOnlyList<StrategySummary>> ListStrategiesAsync(CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<StrategySummary>>(() => strategies.Values.Select(strategy => strategy.Summary()).ToList());

    public Task<StrategySummary> GetStrategyAsync(string strategy, CancellationToken cancellationToken) => Locked(() => Find(strategy).Summary());

    public Task<IReadOnlyList<PluginSummary>> ListPluginsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PluginSummary>>(
        [
            new PluginSummary("ema-cross", "1.0.0", "strategy", "Loaded"),
            new PluginSummary("risk-drawdown", "2.0.0", "risk", "Loaded"),
            new PluginSummary("risk-broken", "0.1.0", "risk", "Faulted", "threw InvalidOperationException in Assess"),
        ]);

    public Task<IReadOnlyList<ExpertSummary>> ListExpertsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ExpertSummary>>([new ExpertSummary("trend-mlp", "sha256:99", "set-a", "Active"), new ExpertSummary("trend-lstm", "sha256:77", "set-b", "Shadow")]);

    public Task<SwapResult> SwapAsync(string strategy, SwapRequest request, CancellationToken cancellationToken) => Locked(() =>
    {
        var state = Find(strategy);
        if (!state.Slots.TryGetValue(request.Slot, out var current))
        {
            throw new EngineControlException($"Strategy {strategy} has no slot {request.Slot}.");
        }

        var parts = request.Target.Split('@');
        var version = parts.Length == 2 ? parts[1] : "latest";
        if (request.Target.Contains("broken", StringComparison.Ordinal))
        {
            return new SwapResult(Now, request.Slot, current.Version, version, false, "warm-up threw DivideByZeroException");
        }

        state.Slots[request.Slot] = new SlotVersion(request.Slot, parts[0], version);
        return new SwapResult(Now, request.Slot, current.Version, version, true, null, "state carried");
    });

    public Task<StrategySummary> PauseAsync(string strategy, CancellationToken cancellationToken) => Locked(() =>
    {
        var state = Find(strategy);
        state.State = StrategyRunState.Paused;
        return state.Summary();
    });

    public Task<StrategySummary> ResumeAsync(string strategy, CancellationToken cancellationToken) => Locked(() =>
    {
        var state = Find(strategy);
        state.State = StrategyRunState.Running;
        return state.Summary();
    });

    public Task<FlattenResult> FlattenAsync(string strategy, CancellationToken cancellationToken) => Locked(() =>
    {
        var state = Find(strategy);
        var sent = new List<string>();
        foreach (var position in state.Positions)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{strategy}-{++orderSequence:D8}");
            state.Orders.Add(new OrderSummary(strategy, id, position.Symbol, position.Quantity > 0 ? OrderSide.Sell : OrderSide.Buy, OrderType.Market,
                Math.Abs(position.Quantity), 0m, null, OrderStatus.PendingSubmit, Now));
            sent.Add(id);
        }

        state.Positions.Clear();
        return new FlattenResult(strategy, sent);
    });

    public Task<KillSwitchState> GetKillSwitchAsync(CancellationToken cancellationToken) => Locked(() => killSwitch);

    public Task<KillSwitchState> EngageKillSwitchAsync(string reason, CancellationToken cancellationToken) =>
        Locked(() => killSwitch = killSwitch.Engaged ? killSwitch : new KillSwitchState(true, reason, Now));

    public Task<KillSwitchState> ReleaseKillSwitchAsync(CancellationToken cancellationToken) => Locked(() => killSwitch = new KillSwitchState(false, null, null));

    public Task<IReadOnlyList<PositionSummary>> GetPositionsAsync(string strategy, CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<PositionSummary>>(() => Find(strategy).Positions.ToList());

    public Task<IReadOnlyList<OrderSummary>> GetOrdersAsync(string strategy, CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<OrderSummary>>(() => Find(strategy).Orders.ToList());

    public Task<StrategyProfitLoss> GetProfitLossAsync(string strategy, CancellationToken cancellationToken) => Locked(() => Find(strategy).ProfitLoss);

    public Task<IReadOnlyList<DecisionEntry>> GetDecisionsAsync(string strategy, long afterSequence, int limit, CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<DecisionEntry>>(() => Find(strategy).Decisions.Where(entry => entry.Sequence > afterSequence).Take(limit).ToList());

    public Task<SplitStatus> GetSplitAsync(string strategy, CancellationToken cancellationToken) => Locked(() => Find(strategy).Split());

    public Task<SplitStatus> ConfigureSplitAsync(string strategy, SplitConfiguration configuration, CancellationToken cancellationToken) => Locked(() =>
    {
        var state = Find(strategy);
        state.Configuration = configuration;
        return state.Split();
    });

    public Task<SplitStatus> PromoteCandidateAsync(string strategy, CancellationToken cancellationToken) => Locked(() =>
    {
        var state = Find(strategy);
        var configuration = state.Configuration ?? throw new EngineControlException($"Strategy {strategy} has no A/B split to promote.");
        state.Slots["experts"] = new SlotVersion("experts", configuration.CandidateSet, "promoted");
        state.Configuration = null;
        return state.Split();
    });

    public Task<SplitStatus> RollbackCandidateAsync(string strategy, CancellationToken cancellationToken) => Locked(() =>
    {
        var state = Find(strategy);
        state.Configuration = state.Configuration is null
            ? throw new EngineControlException($"Strategy {strategy} has no A/B split to roll back.")
            : null;
        return state.Split();
    });

    private StrategyState Find(string strategy) =>
        strategies.TryGetValue(strategy, out var state) ? state : throw new StrategyNotFoundException(strategy);

    private Task<T> Locked<T>(Func<T> action)
    {
        lock (gate)
        {
            return Task.FromResult(action());
        }
    }

    private sealed class StrategyState(string name)
    {
        public string Name { get; } = name;

        public StrategyRunState State { get; set; } = StrategyRunState.Running;

        public Dictionary<string, SlotVersion> Slots { get; } = new(StringComparer.Ordinal);

        public List<PositionSummary> Positions { get; } = [];

        public List<OrderSummary> Orders { get; } = [];

        public List<DecisionEntry> Decisions { get; } = [];

        public StrategyProfitLoss ProfitLoss { get; set; } = new(name, 0, 0, 0, 0, 0);

        public SplitConfiguration? Configuration { get; set; }

        public StrategySummary Summary() => new(Name, State, Slots.Values.ToList());

        public SplitStatus Split() => new(Name, Configuration, Configuration is null
            ? []
            : [new ExpertSetStatistics(Configuration.ControlSet, SplitRole.Control, 40, 6, 4, 12.5m), new ExpertSetStatistics(Configuration.CandidateSet, SplitRole.Candidate, 38, 5, 2, -3.25m)]);
    }
}
