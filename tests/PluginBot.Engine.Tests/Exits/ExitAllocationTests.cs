using PluginBot.Engine.Accounting;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Clock;
using PluginBot.Engine.Exchange;
using PluginBot.Engine.Execution;
using PluginBot.Engine.Exits;
using PluginBot.Engine.Feeds;
using PluginBot.Engine.Hosting;
using PluginBot.Engine.Tests.Infrastructure;
using PluginBot.Plugins.FixedFractionSizer;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Engine.Tests.Exits;

/// <summary>
/// Exit management on bars with nothing to act on must cost no allocation: a held position whose stop rests at the
/// exchange (and an ATR that updates every bar) is checked on every one of 200,000 bars without garbage.
/// </summary>
public sealed class ExitAllocationTests
{
    private const string Symbol = "BTCUSDT";
    private const int MeasuredBars = 200_000;

    [Fact]
    public void Run_HeldPositionWithARestingStopAndAWaitingTrailingStop_AllocatesLessThanAFixedBudgetOver200000Bars()
    {
        // The stop is 99 % below the entry: placed once, never reached, never moved. The trailing stop's ATR updates on
        // every bar, but its activation gain (100,000 %) is never reached; the holding limit is checked on every bar.
        var policy = new ExitPolicy
        {
            StopLoss = PriceDistance.OfFraction(0.99m),
            TrailingStop = new TrailingStopPolicy(1_000m, PriceDistance.OfAverageTrueRange(3m, 14)),
            MaximumHoldingPeriod = TimeSpan.FromDays(10_000),
        };
        Build(policy, 2_000).Kernel.Run();
        var (kernel, execution) = Build(policy, MeasuredBars);

        var before = GC.GetAllocatedBytesForCurrentThread();
        kernel.Run();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(1, execution.FillCount);
        Assert.Equal(2, execution.Orders.Count);
        Assert.True(allocated < 64 * 1024, $"the kernel allocated {allocated:N0} bytes over {MeasuredBars:N0} bars");
    }

    private static (TradingKernel Kernel, ExecutionEngine Execution) Build(ExitPolicy policy, int bars)
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
            new ClientOrderIdGenerator("allocation"), allowShort: false, policy, new ClientOrderIdGenerator("allocation-exit"));
        var strategy = new GuardedStrategy(new HoldingStrategy(enterOnce: true), new CollectingLogger(clock, "holding", log));
        var feed = new RandomWalkBarFeed(Symbol, BarInterval.OneMinute, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), bars, seed: 42);
        return (new TradingKernel(clock, feed, exchange, portfolio, trades, execution, strategy, new EquityRecorder(TimeSpan.FromDays(7))), execution);
    }
}
