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
/// Builds the backtest environment (simulated clock, the given feed, simulated exchange), wires a composition's
/// plugins to it through narrow contexts, runs the kernel and collects the results.
/// </summary>
public static class BacktestRunner
{
    /// <summary>Runs <paramref name="composition"/> over <paramref name="feed"/>.</summary>
    public static BacktestResult Run(
        StrategyComposition composition,
        PluginCatalog catalog,
        IBarFeed feed,
        BacktestOptions options,
        Action<long>? progress = null,
        CancellationToken cancellation = default)
    {
        var clock = new SimulatedClock();
        var instruments = options.Instruments;
        var portfolio = new Portfolio(options.InitialCash, symbol => instruments.TryGet(symbol, out var rules) ? rules.ContractMultiplier : 1m);
        var exchangeOptions = options.Exchange with
        {
            AllowShortSelling = composition.AllowShort,
            MaximumLeverage = composition.MaximumLeverage,
        };
        var exchange = new SimulatedExchange(clock, instruments, portfolio, exchangeOptions);
        var log = new List<LogEntry>();
        var loggers = new List<CollectingLogger>();
        CollectingLogger LoggerFor(string source)
        {
            var logger = new CollectingLogger(clock, source, log);
            loggers.Add(logger);
            return logger;
        }

        IPluginContext ContextFor(PluginReference reference) =>
            new PluginContext(clock, portfolio, instruments, LoggerFor(reference.PluginId), reference.Settings);

        var path = composition.SourcePath;
        var strategy = catalog.Create<IStrategy>(composition.Strategy, path, "$.strategy");
        strategy.Initialize(ContextFor(composition.Strategy));
        var sizer = catalog.Create<IPositionSizer>(composition.Sizer, path, "$.sizer");
        sizer.Initialize(ContextFor(composition.Sizer));
        var riskLayers = new List<IRiskManager>();
        for (var index = 0; index < composition.RiskLayers.Count; index++)
        {
            var reference = composition.RiskLayers[index];
            var layer = catalog.Create<IRiskManager>(reference, path, $"$.risk[{index}]");
            layer.Initialize(ContextFor(reference));
            riskLayers.Add(layer);
        }

        var trades = new TradeRecorder();
        var execution = new ExecutionEngine(clock, exchange, portfolio, trades, instruments, sizer, riskLayers,
            new ClientOrderIdGenerator(composition.Name), composition.AllowShort);
        var guarded = new GuardedStrategy(strategy, LoggerFor(composition.Strategy.PluginId));
        var equity = new EquityRecorder(options.EquitySamplingPeriod);
        var kernel = new TradingKernel(clock, feed, exchange, portfolio, trades, execution, guarded, equity);
        kernel.Run(cancellation, progress);

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
}
