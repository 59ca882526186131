using PluginBot.Engine.Accounting;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Clock;
using PluginBot.Engine.Exchange;
using PluginBot.Engine.Execution;
using PluginBot.Engine.Feeds;
using PluginBot.Engine.Hosting;
using PluginBot.Engine.Tests.Infrastructure;
using PluginBot.Plugins.FixedFractionSizer;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Engine.Tests;

/// <summary>
/// The kernel's per-bar path must not allocate: a backtest over millions of bars should cost only the work done per
/// bar, never garbage collections. Measured as managed bytes allocated by this thread across a 200,000-bar run,
/// which must stay under a small fixed budget (a handful of orders and the sparse equity curve), i.e. ~0 per bar.
/// </summary>
public sealed class KernelAllocationTests
{
    private const string Symbol = "BTCUSDT";
    private const int MeasuredBars = 200_000;
    private const long SetupBudgetBytes = 64 * 1024;

    [Fact]
    public void Run_StrategyThatHoldsAfterWarmUp_AllocatesLessThanAFixedBudgetOver200000Bars()
    {
        // A short run first, so one-time costs (type loading, static initialisers) are not counted.
        BuildKernel(enterOnce: false, bars: 2_000).Kernel.Run();
        var (kernel, execution) = BuildKernel(enterOnce: false, bars: MeasuredBars);

        var before = GC.GetAllocatedBytesForCurrentThread();
        kernel.Run();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(MeasuredBars, kernel.BarsProcessed);
        Assert.Empty(execution.Orders);
        Assert.True(allocated < SetupBudgetBytes, $"the kernel allocated {allocated:N0} bytes over {MeasuredBars:N0} bars");
    }

    [Fact]
    public void Run_StrategyHoldingAnOpenPosition_AllocatesLessThanAFixedBudgetOver200000Bars()
    {
        // With a position open every bar also marks it, tracks the trade's excursions and values equity.
        BuildKernel(enterOnce: true, bars: 2_000).Kernel.Run();
        var (kernel, execution) = BuildKernel(enterOnce: true, bars: MeasuredBars);

        var before = GC.GetAllocatedBytesForCurrentThread();
        kernel.Run();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(MeasuredBars, kernel.BarsProcessed);
        Assert.Equal(1, execution.FillCount);
        Assert.True(allocated < SetupBudgetBytes, $"the kernel allocated {allocated:N0} bytes over {MeasuredBars:N0} bars");
    }

    private static (TradingKernel Kernel, ExecutionEngine Execution) BuildKernel(bool enterOnce, int bars)
    {
        var clock = new SimulatedClock();
        var instruments = new InstrumentCatalog([InstrumentRules.Permissive(Symbol)]);
        var portfolio = new Portfolio(1_000_000m);
        var exchange = new SimulatedExchange(clock, instruments, portfolio, new SimulatedExchangeOptions());
        var log = new List<LogEntry>();
        var sizer = new FixedFractionSizer();
        sizer.Initialize(new PluginContext(clock, portfolio, instruments, new CollectingLogger(clock, "fixed-fraction", log), PluginSettings.Empty));
        var trades = new TradeRecorder();
        var execution = new ExecutionEngine(clock, exchange, portfolio, trades, instruments,
            new PluginSlot<IPositionSizer>("sizer", sizer, "test"), Array.Empty<PluginSlot<IRiskManager>>(),
            new ClientOrderIdGenerator("allocation"), allowShort: false);
        var strategy = new GuardedStrategy(new HoldingStrategy(enterOnce), new CollectingLogger(clock, "holding", log));

        // A weekly stored curve point keeps the curve at ~20 points for 200,000 minutes; statistics still see every sample.
        var equity = new EquityRecorder(TimeSpan.FromDays(7));
        var feed = new RandomWalkBarFeed(Symbol, BarInterval.OneMinute, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), bars, seed: 42);
        return (new TradingKernel(clock, feed, exchange, portfolio, trades, execution, strategy, equity), execution);
    }
}
