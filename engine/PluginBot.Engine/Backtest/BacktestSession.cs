using PluginBot.Engine.Accounting;
using PluginBot.Engine.Clock;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Execution;
using PluginBot.Engine.Exchange;
using PluginBot.Engine.Feeds;
using PluginBot.Engine.Hosting;
using PluginBot.Sdk.Plugins;
using PluginBot.Statistics;

namespace PluginBot.Engine.Backtest;

/// <summary>
/// One backtest, built and ready to run: the backtest environment (simulated clock, the given feed, simulated
/// exchange) with a composition's plugins wired to it through narrow contexts and slots. The slots are exposed so
/// a plugin can be hot-swapped while <see cref="Run"/> is under way (from any thread; applied between two events).
/// </summary>
public sealed partial class BacktestSession
{
    private readonly StrategyComposition composition;
    private readonly BacktestOptions options;
    private readonly SimulatedClock clock = new();
    private readonly Portfolio portfolio;
    private readonly TradeRecorder trades = new();
    private readonly ExecutionEngine execution;
    private readonly GuardedStrategy guarded;
    private readonly EquityRecorder equity;
    private readonly TradingKernel kernel;
    private readonly List<LogEntry> log = [];
    private readonly List<CollectingLogger> loggers = [];
    private readonly PluginCatalog catalog;
    private readonly ClientOrderIdGenerator orderIds;
    private readonly SimulatedExchange exchange;
    private readonly Feedback.ExecutionTracker tracker = new();

    /// <summary>Builds the session; plugin construction or settings errors surface here, before any event.</summary>
    public BacktestSession(StrategyComposition composition, PluginCatalog catalog, IBarFeed feed, BacktestOptions options)
    {
        this.composition = composition;
        this.options = options;
        this.catalog = catalog;
        var instruments = options.Instruments;
        portfolio = new Portfolio(options.InitialCash, symbol => instruments.TryGet(symbol, out var rules) ? rules.ContractMultiplier : 1m);
        var exchangeOptions = options.Exchange with
        {
            AllowShortSelling = composition.AllowShort,
            MaximumLeverage = composition.MaximumLeverage,
        };
        exchange = new SimulatedExchange(clock, instruments, portfolio, exchangeOptions);
        var adapter = options.WrapExchange?.Invoke(exchange, clock) ?? exchange;

        var path = composition.SourcePath;
        IStrategy strategy;
        string strategyVersion;
        if (composition.Committee is { } committee)
        {
            strategy = BuildDecider(committee, composition.Experiment, path);
            strategyVersion = Committee!.Version;
        }
        else
        {
            strategy = catalog.Create<IStrategy>(composition.Strategy, path, "$.strategy");
            Initialize(strategy, composition.Strategy);
            strategyVersion = catalog.VersionOf(composition.Strategy.PluginId);
        }

        StrategySlot = new PluginSlot<IStrategy>("strategy", strategy, strategyVersion, GuardedStrategy.TakeOver);
        var sizer = catalog.Create<IPositionSizer>(composition.Sizer, path, "$.sizer");
        Initialize(sizer, composition.Sizer);
        SizerSlot = new PluginSlot<IPositionSizer>("sizer", sizer, catalog.VersionOf(composition.Sizer.PluginId));
        var riskSlots = new List<PluginSlot<IRiskManager>>();
        for (var index = 0; index < composition.RiskLayers.Count; index++)
        {
            var reference = composition.RiskLayers[index];
            var layer = catalog.Create<IRiskManager>(reference, path, $"$.risk[{index}]");
            Initialize(layer, reference);
            riskSlots.Add(new PluginSlot<IRiskManager>(layer.Name, layer, catalog.VersionOf(reference.PluginId), KeepManualSwitch));
        }

        RiskSlots = riskSlots;
        orderIds = new ClientOrderIdGenerator(composition.Name, options.LastClientOrderSequence);
        execution = new ExecutionEngine(clock, adapter, portfolio, trades, instruments, SizerSlot, riskSlots,
            orderIds, composition.AllowShort, composition.Exits, new ClientOrderIdGenerator($"{composition.Name}-exit", options.LastExitOrderSequence));
        execution.Tracker = tracker;
        if (Committee is { } regimes)
        {
            execution.RegimeOf = regimes.RegimeOf;
        }

        execution.ExpertAttributionOf = ExpertAttributionSource();

        guarded = new GuardedStrategy(StrategySlot, LoggerFor(composition.Strategy.PluginId)) { TradingStartsAt = options.TradingStartsAt, IsWarmingUp = options.IsWarmingUp };
        equity = new EquityRecorder(options.EquitySamplingPeriod) { StartsAt = options.TradingStartsAt };
        kernel = new TradingKernel(clock, feed, exchange, portfolio, trades, execution, guarded, equity, [SizerSlot, .. riskSlots, .. CommitteeSlots]);
    }

    /// <summary>The strategy's slot: request a swap here to hot-swap the strategy.</summary>
    public PluginSlot<IStrategy> StrategySlot { get; }

    /// <summary>The sizer's slot.</summary>
    public PluginSlot<IPositionSizer> SizerSlot { get; }

    /// <summary>One slot per risk layer, in order.</summary>
    public IReadOnlyList<PluginSlot<IRiskManager>> RiskSlots { get; }

    /// <summary>Bars handled so far (readable while running).</summary>
    public long BarsProcessed => kernel.BarsProcessed;

    /// <summary>
    /// Gives a new plugin instance its context (this session's clock, a read-only portfolio view, instruments, a
    /// logger and its settings): what a replacement needs before it is swapped in.
    /// </summary>
    public void Initialize(IPlugin plugin, PluginReference reference) =>
        plugin.Initialize(new PluginContext(clock, portfolio, options.Instruments, LoggerFor(reference.PluginId), catalog.ResolveSettings(reference), tracker));

    /// <summary>The plugin ids this session's slots run, for swapping by id.</summary>
    public IEnumerable<string> PluginIds =>
        new[] { composition.Strategy.PluginId, composition.Sizer.PluginId }.Concat(composition.RiskLayers.Select(r => r.PluginId)).Concat(CommitteePluginIds).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// Asks every slot running <paramref name="pluginId"/> to take a new instance from <paramref name="create"/>
    /// (initialised here with the slot's own settings) between two events. Returns how many slots were asked;
    /// <paramref name="completed"/> is called once per slot, on the engine's thread, with the swap record.
    /// </summary>
    /// <param name="pluginId">The plugin the slots to swap run now.</param>
    /// <param name="create">Makes the replacement.</param>
    /// <param name="version">The replacement's version, for records.</param>
    /// <param name="completed">Told the outcome of each slot's swap.</param>
    /// <param name="replacement">
    /// When the replacement is another plugin (not a new version of the same one), its id and settings: it is then
    /// initialised with its own settings and defaults instead of the slot's.
    /// </param>
    public int RequestSwap(string pluginId, Func<IPlugin> create, string version, Action<SwapRecord>? completed = null, PluginReference? replacement = null)
    {
        var requested = 0;
        if (composition.Strategy.PluginId == pluginId)
        {
            requested += RequestSwap(StrategySlot, composition.Strategy, create, version, completed, replacement);
        }

        if (composition.Sizer.PluginId == pluginId)
        {
            requested += RequestSwap(SizerSlot, composition.Sizer, create, version, completed, replacement);
        }

        for (var index = 0; index < composition.RiskLayers.Count; index++)
        {
            if (composition.RiskLayers[index].PluginId == pluginId)
            {
                requested += RequestSwap(RiskSlots[index], composition.RiskLayers[index], create, version, completed, replacement);
            }
        }

        return requested + RequestCommitteeSwaps(pluginId, create, version, completed, replacement);
    }

    /// <summary>The instances the slots run now, so a host can tell whether an old version is still in use.</summary>
    public IEnumerable<object> CurrentPluginInstances() =>
        new object[] { StrategySlot.Current, SizerSlot.Current }.Concat(RiskSlots.Select(slot => (object)slot.Current)).Concat(CommitteeSlots.Select(slot => slot.CurrentInstance));

    /// <summary>True once <see cref="Run"/> has returned: its slots take no more swaps.</summary>
    public bool IsFinished { get; private set; }

    /// <summary>True while a swap requested of one of this session's slots has not been applied yet.</summary>
    public bool HasPendingSwaps => StrategySlot.HasPendingSwap || SizerSlot.HasPendingSwap || RiskSlots.Any(slot => slot.HasPendingSwap) || CommitteeSlots.Any(slot => slot.HasPendingSwap);

    /// <summary>Runs to the end of the feed and collects the results.</summary>
    public BacktestResult Run(Action<long>? progress = null, CancellationToken cancellation = default)
    {
        try
        {
            kernel.Run(cancellation, progress);
        }
        finally
        {
            IsFinished = true;
            const string ended = "the session ended before the swap could be applied";
            StrategySlot.CancelPendingSwap(ended);
            SizerSlot.CancelPendingSwap(ended);
            foreach (var slot in RiskSlots)
            {
                slot.CancelPendingSwap(ended);
            }

            foreach (var slot in CommitteeSlots)
            {
                slot.CancelPendingSwap(ended);
            }
        }

        var instruments = options.Instruments;
        return new BacktestResult
        {
            StrategyName = composition.Name,
            Options = options,
            BarsProcessed = kernel.BarsProcessed,
            Performance = equity.Statistics.Summarize(options.PeriodsPerYear),
            TradeStatistics = TradeStatistics.Compute(trades.ClosedTrades),
            NetTradeStatistics = TradeStatistics.Compute(trades.ClosedTrades.Select(t => t with { ProfitLoss = t.ProfitLoss - t.TotalFees }).ToList()),
            Trades = trades.ClosedTrades,
            EquityCurve = equity.Curve,
            Orders = execution.Orders,
            Decisions = execution.Decisions,
            RepeatedDecisionsSuppressed = execution.RepeatedDecisionsSuppressed,
            Swaps = kernel.Swaps,
            CommitteeTrail = Committee?.Trail ?? [],
            ExitReasons = trades.ExitReasons,
            Log = log,
            LogEntriesDropped = loggers.Sum(logger => logger.Dropped),
            Exposure = equity.Exposure,
            FeesPaid = portfolio.FeesPaid,
            Turnover = execution.Orders.SelectMany(o => o.Fills).Sum(f => f.Price * f.Quantity * instruments.Get(f.Symbol).ContractMultiplier) / options.InitialCash,
            FillCount = execution.FillCount,
            StrategyFailures = guarded.Failures,
            StrategyFaulted = guarded.IsFaulted,
            OpenPositions = portfolio.Positions.Where(p => p.Quantity != 0).ToDictionary(p => p.Symbol, p => p.Quantity, StringComparer.Ordinal),
        };
    }

    private int RequestSwap<T>(PluginSlot<T> slot, PluginReference reference, Func<IPlugin> create, string version, Action<SwapRecord>? completed, PluginReference? replacement)
        where T : class
    {
        // Constructed and initialised by the slot on the engine's thread, between two events.
        T CreateReplacement()
        {
            var created = create();
            if (created is not T typed)
            {
                throw new InvalidOperationException($"Plugin '{(replacement ?? reference).PluginId}' {version} is a {created.GetType().Name}, not a {typeof(T).Name}, and cannot replace slot {slot.Name}.");
            }

            Initialize(created, replacement ?? reference);
            return typed;
        }

        slot.RequestSwap(CreateReplacement, version, outcome => completed?.Invoke(outcome.Record));
        return 1;
    }

    private CollectingLogger LoggerFor(string source)
    {
        var logger = new CollectingLogger(clock, source, log);
        loggers.Add(logger);
        return logger;
    }

    // An engaged kill switch must stay engaged across a hot swap of its layer: the operator's decision is not the plugin's state.
    private static string? KeepManualSwitch(IRiskManager current, IRiskManager replacement, RecentBars history)
    {
        if (current is IManualSwitch { IsEngaged: true } engaged && replacement is IManualSwitch next)
        {
            next.Engage(engaged.Reason ?? "engaged before the swap");
            return "kept the kill switch engaged";
        }

        return null;
    }
}
