using PluginBot.Engine.Accounting;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Clock;
using PluginBot.Engine.Exchange;
using PluginBot.Engine.Execution;
using PluginBot.Engine.Exits;
using PluginBot.Engine.Feeds;
using PluginBot.Engine.Hosting;
using PluginBot.Engine.Live;
using PluginBot.Engine.Tests.Exits;
using PluginBot.Engine.Tests.Infrastructure;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Tests;

/// <summary>Resuming a session from persisted orders and fills (what `pluginbot run` does after a crash).</summary>
public sealed class RestoreTests
{
    private static readonly DateTime Sent = new(2022, 12, 13, 0, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Restore_FillStoredButCrashBeforeItsFilledUpdate_CompletesTheOrderAndNeverFillsItAgain()
    {
        var (session, data) = Session();
        var request = new OrderRequest("ema-cross-00000001", "BTCBUSD", OrderSide.Buy, OrderType.Market, 0.1m);
        var fill = new Fill(request.ClientOrderId, "BTCBUSD", OrderSide.Buy, 0.1m, 17_000m, 1.7m, LiquidityRole.Taker, Sent, TradeId: 7);
        var restored = new RestoredOrder(request, Sent, [new OrderUpdate(request.ClientOrderId, OrderStatus.Accepted, Sent, 0m)], [fill]);

        var completed = session.Restore([restored]);

        var update = Assert.Single(completed);
        Assert.Equal((request.ClientOrderId, OrderStatus.Filled, 0.1m), (update.ClientOrderId, update.Status, update.FilledQuantity));
        var result = session.Run();
        var order = Assert.Single(result.Orders, o => o.Request.ClientOrderId == request.ClientOrderId);
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Single(order.Fills);
        Assert.True(data.BarCount == result.BarsProcessed);
    }

    [Fact]
    public void Restore_WorkingMarketOrder_FillsOnTheFirstBarStartingAfterItWasSentAndContinuesTradeIds()
    {
        var (session, data) = Session();
        var request = new OrderRequest("ema-cross-00000002", "BTCBUSD", OrderSide.Buy, OrderType.Market, 0.1m);
        var earlier = new OrderRequest("ema-cross-00000001", "BTCBUSD", OrderSide.Buy, OrderType.Market, 0.1m);
        var earlierFill = new Fill(earlier.ClientOrderId, "BTCBUSD", OrderSide.Buy, 0.1m, 17_000m, 1.7m, LiquidityRole.Taker, Sent.AddMinutes(-10), TradeId: 41);
        var restoredEarlier = new RestoredOrder(earlier, Sent.AddMinutes(-11),
            [new OrderUpdate(earlier.ClientOrderId, OrderStatus.Accepted, Sent.AddMinutes(-11), 0m), new OrderUpdate(earlier.ClientOrderId, OrderStatus.Filled, Sent.AddMinutes(-10), 0.1m)],
            [earlierFill]);
        var working = new RestoredOrder(request, Sent, [new OrderUpdate(request.ClientOrderId, OrderStatus.Accepted, Sent, 0m)], []);

        Assert.Empty(session.Restore([restoredEarlier, working]));
        var result = session.Run();

        var order = Assert.Single(result.Orders, o => o.Request.ClientOrderId == request.ClientOrderId);
        var fill = Assert.Single(order.Fills);
        // Sent at 00:30 (a decision at that bar's close): it fills at the open of the bar starting at 00:30, never earlier.
        var bar = data.Series[0].Bars.First(b => b.StartTime >= Sent);
        Assert.Equal(bar.StartTime, fill.Time);
        Assert.Equal(42, fill.TradeId);
    }

    [Fact]
    public void ReplayRestored_LongWithTrailingStopAndOneFilledTarget_ResumesWithTheSameStopAndNeverResendsTheTarget()
    {
        // Long 1 at 100 (bar 1's open). Bar 1 closes: half at +3 % = 103 is placed. Bar 2 fills it (high 103.5); the best
        // high 103.5 is 3.5 % up, past the 2 % activation: stop 1 % behind = 102.465, rounded up to 102.47. Bar 3's high
        // 105 moves it to 103.95. The run is killed after bar 3; bar 4 is quiet and bar 5's low 103.5 reaches 103.95.
        var policy = new ExitPolicy
        {
            TrailingStop = new TrailingStopPolicy(0.02m, PriceDistance.OfFraction(0.01m)),
            PartialExits = [new ProfitTarget(0.03m, 0.5m)],
        };
        Bar[] bars =
        [
            ExitHarness.Bar(0, 100m, 100m, 100m, 100m),
            ExitHarness.Bar(1, 100m, 101m, 99.5m, 100.8m),
            ExitHarness.Bar(2, 100.8m, 103.5m, 100.5m, 103.2m),
            ExitHarness.Bar(3, 103.2m, 105m, 103m, 104.5m),
            ExitHarness.Bar(4, 104.5m, 104.8m, 104m, 104.2m),
            ExitHarness.Bar(5, 104.2m, 104.3m, 103.5m, 103.6m),
        ];
        var script = ExitHarness.Script((0, Signal.Long()));

        var uninterrupted = ResumableRun.Uninterrupted(policy, script, bars);
        var resumed = ResumableRun.KilledAndResumed(policy, script, bars, barsBeforeKill: 4);

        var stopAtResume = Assert.Single(resumed.WorkingAtResume, order => order.Request.Type == OrderType.StopMarket);
        Assert.Equal((0.5m, 103.95m), (stopAtResume.Request.Quantity, stopAtResume.Request.StopPrice!.Value));
        Assert.DoesNotContain(resumed.WorkingAtResume, order => order.Request.Type == OrderType.Limit);
        Assert.Empty(resumed.CompletedAtResume);
        Assert.Empty(resumed.SentAfterResume);
        Assert.Equal([(1m, 100m), (0.5m, 103m), (0.5m, 103.95m)], resumed.Fills.Select(fill => (fill.Quantity, fill.Price)));
        Assert.Equal(stopAtResume.Request.ClientOrderId, resumed.Fills[^1].ClientOrderId);
        Assert.Equal(uninterrupted.Orders, resumed.Orders);
        Assert.Equal(uninterrupted.Fills, resumed.Fills);
        Assert.Equal([ExitReason.TrailingStop], resumed.ExitReasons);
    }

    [Fact]
    public void ReplayRestored_TimeExit_FiresAtTheOriginalEntryTimePlusTheHoldingPeriod()
    {
        // Entry filled at minute 1 (bar 1's open); a 5-minute holding period ends with the bar closing at minute 6
        // (bar 5), whose market exit fills at bar 6's open — whether or not the run was killed after bar 3.
        var policy = new ExitPolicy { MaximumHoldingPeriod = TimeSpan.FromMinutes(5) };
        var bars = Enumerable.Range(0, 9).Select(minute => TestBars.Flat(ExitHarness.Symbol, minute, 100m + minute)).ToArray();
        var script = ExitHarness.Script((0, Signal.Long()));

        var uninterrupted = ResumableRun.Uninterrupted(policy, script, bars);
        var resumed = ResumableRun.KilledAndResumed(policy, script, bars, barsBeforeKill: 4);

        var exit = Assert.Single(resumed.SentAfterResume);
        Assert.Equal((OrderType.Market, TestBars.Origin.AddMinutes(6)), (exit.Request.Type, exit.SentTime));
        Assert.Equal((106m, TestBars.Origin.AddMinutes(6)), (resumed.Fills[^1].Price, resumed.Fills[^1].Time));
        Assert.Equal([ExitReason.MaximumHoldingPeriod], resumed.ExitReasons);
        Assert.Equal(uninterrupted.Orders, resumed.Orders);
        Assert.Equal(uninterrupted.Fills, resumed.Fills);
    }

    [Fact]
    public void ReplayRestored_PositionHeldOverMidnight_DailyProfitLossMatchesTheUninterruptedRun()
    {
        // Long 1 bought at 100 at 23:58 (no fees); 23:59 closes at 102, so the day starts at 1,000,000 + 2. The run is
        // killed at 00:01; at 00:02 the close is 99: daily P&L −3, as in the run that never stopped.
        var policy = new ExitPolicy { StopLoss = PriceDistance.OfFraction(0.5m) };
        Bar[] bars =
        [
            TestBars.Flat(ExitHarness.Symbol, -3, 100m),
            TestBars.Flat(ExitHarness.Symbol, -2, 100m),
            TestBars.Flat(ExitHarness.Symbol, -1, 102m),
            TestBars.Flat(ExitHarness.Symbol, 0, 101m),
            TestBars.Flat(ExitHarness.Symbol, 1, 99m),
        ];
        var script = ExitHarness.Script((0, Signal.Long()));

        var uninterrupted = ResumableRun.Uninterrupted(policy, script, bars);
        var resumed = ResumableRun.KilledAndResumed(policy, script, bars, barsBeforeKill: 4);

        Assert.Equal((1_000_002m, -3m), (uninterrupted.EquityAtDayStart, uninterrupted.DailyProfitLoss));
        Assert.Equal((uninterrupted.EquityAtDayStart, uninterrupted.DailyProfitLoss), (resumed.EquityAtDayStart, resumed.DailyProfitLoss));
        Assert.Equal(uninterrupted.Orders, resumed.Orders);
    }

    [Fact]
    public void ReplayRestored_WarmUpBars_SendNothingAndKeepTheExitSequence()
    {
        // The replay adopts the previous run's orders: it draws no ids (the next exit id continues the stored sequence)
        // and records no decisions (the previous run's are already persisted).
        var policy = new ExitPolicy { StopLoss = PriceDistance.OfFraction(0.02m), TakeProfit = 0.5m };
        var bars = Enumerable.Range(0, 4).Select(minute => TestBars.Flat(ExitHarness.Symbol, minute, 100m)).ToArray();
        var script = ExitHarness.Script((0, Signal.Long()));

        var resumed = ResumableRun.KilledAndResumed(policy, script, bars, barsBeforeKill: 3);

        Assert.Equal(["exit-00000001", "exit-00000002"], resumed.WorkingAtResume.Select(order => order.Request.ClientOrderId));
        Assert.Empty(resumed.SentAfterResume);
        Assert.Empty(resumed.DecisionsDuringWarmUp);
    }

    private static (BacktestSession Session, BacktestDataSet Data) Session()
    {
        // The run resumes where the previous one stopped: its feed starts after the restored orders were sent.
        var data = BacktestDataSet.Load(new BacktestDataRequest([RepositoryPaths.BinanceBitcoinMinuteFile], From: Sent));
        var composition = ShippedCompositionBacktest.LoadComposition() with { Name = "ema-cross" };
        var options = ShippedCompositionBacktest.OptionsFor(composition, data) with { Exchange = new Exchange.SimulatedExchangeOptions { Fees = new Exchange.FeeSchedule(10m, 10m) }, LastClientOrderSequence = 2 };
        return (new BacktestSession(composition, ShippedCompositionBacktest.CreateCatalog(), data.CreateFeed(), options), data);
    }

    /// <summary>
    /// The hand-written bars and scripted strategy of <see cref="ExitHarness"/> run once without interruption, or
    /// "killed" after some bars (the books as a store would hold them) and resumed the way `pluginbot run` does: a
    /// paced replay feed whose first bars are warm-up, the previous run's events replayed with them, then what is still
    /// working handed back to the venue before the first live bar.
    /// </summary>
    private sealed class ResumableRun
    {
        private readonly SimulatedClock clock = new();
        private readonly Portfolio portfolio = new(1_000_000m);
        private readonly SimulatedExchange exchange;
        private readonly TradeRecorder trades = new();
        private readonly ExecutionEngine execution;

        private ResumableRun(ExitPolicy policy, long lastEntrySequence, long lastExitSequence)
        {
            var instruments = new InstrumentCatalog([ExchangeHarness.Rules]);
            exchange = new SimulatedExchange(clock, instruments, portfolio, new SimulatedExchangeOptions { Fees = new FeeSchedule(0m, 0m) });
            execution = new ExecutionEngine(clock, exchange, portfolio, trades, instruments,
                new PluginSlot<IPositionSizer>("sizer", new OneUnitSizer(), "test"), Array.Empty<PluginSlot<IRiskManager>>(),
                new ClientOrderIdGenerator("entry", lastEntrySequence), allowShort: false, policy, new ClientOrderIdGenerator("exit", lastExitSequence));
        }

        public List<(OrderRequest Request, DateTime SentTime, OrderStatus Status)> Orders =>
            execution.Orders.Select(order => (order.Request, order.SentTime, order.Status)).ToList();

        public List<Fill> Fills => execution.Orders.SelectMany(order => order.Fills).OrderBy(fill => fill.TradeId).ToList();

        public IReadOnlyList<ExitReason> ExitReasons => trades.ExitReasons;

        public decimal EquityAtDayStart => portfolio.EquityAtDayStart;

        public decimal DailyProfitLoss => portfolio.DailyProfitLoss;

        public IReadOnlyList<RestoredOrder> WorkingAtResume { get; private set; } = [];

        public IReadOnlyList<OrderUpdate> CompletedAtResume { get; private set; } = [];

        public IReadOnlyList<OrderRecord> SentAfterResume { get; private set; } = [];

        public IReadOnlyList<DecisionRecord> DecisionsDuringWarmUp { get; private set; } = [];

        public static ResumableRun Uninterrupted(ExitPolicy policy, IReadOnlyDictionary<int, Signal> script, Bar[] bars)
        {
            var run = new ResumableRun(policy, 0, 0);
            run.Run(new ArrayBarFeed(bars), new ExitHarness.ScriptStrategy(script), isWarmingUp: null);
            return run;
        }

        public static ResumableRun KilledAndResumed(ExitPolicy policy, IReadOnlyDictionary<int, Signal> script, Bar[] bars, int barsBeforeKill)
        {
            var killed = Uninterrupted(policy, script, bars[..barsBeforeKill]);
            var stored = killed.execution.Orders.Select(order => new RestoredOrder(order.Request, order.SentTime, order.Updates.ToList(), order.Fills.ToList())).ToList();
            var run = new ResumableRun(policy, Sequence(stored, "entry-"), Sequence(stored, "exit-"));
            run.exchange.ContinueTradeIdsAfter(stored.SelectMany(order => order.Fills).Max(fill => fill.TradeId));
            run.execution.BeginRestore(stored, "exit-");
            using var stop = new CancellationTokenSource();
            var feed = new PacedReplayFeed(new ArrayBarFeed(bars), 0, TimeProvider.System, new EngineActionQueue(), stop.Token)
            {
                ResumeAfterBars = barsBeforeKill,
                WarmUpBar = bar => run.execution.ReplayRestored(in bar),
                Resumed = () =>
                {
                    run.DecisionsDuringWarmUp = run.execution.Decisions.ToList();
                    (run.WorkingAtResume, run.CompletedAtResume) = run.execution.CompleteRestore();
                    foreach (var order in run.WorkingAtResume)
                    {
                        run.exchange.Resume(order.Request, order.SentTime, wasAccepted: true);
                    }
                },
            };
            run.Run(feed, new ExitHarness.ScriptStrategy(script), () => feed.IsWarmingUp);
            run.SentAfterResume = run.execution.Orders.Where(order => stored.All(old => old.Request.ClientOrderId != order.Request.ClientOrderId)).ToList();
            return run;
        }

        private static long Sequence(IEnumerable<RestoredOrder> stored, string prefix) =>
            stored.Select(order => order.Request.ClientOrderId).Where(id => id.StartsWith(prefix, StringComparison.Ordinal))
                .Select(id => long.Parse(id[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();

        private void Run(IBarFeed feed, IStrategy strategy, Func<bool>? isWarmingUp)
        {
            var guarded = new GuardedStrategy(new PluginSlot<IStrategy>("strategy", strategy, "1"), new CollectingLogger(clock, "script", [])) { IsWarmingUp = isWarmingUp };
            new TradingKernel(clock, feed, exchange, portfolio, trades, execution, guarded, new EquityRecorder(null)).Run();
        }
    }

    /// <summary>Always one unit, so prices and P&amp;L can be worked out by hand.</summary>
    private sealed class OneUnitSizer : IPositionSizer
    {
        public void Initialize(IPluginContext context)
        {
        }

        public SizingResult Size(in SizingRequest request) => SizingResult.Of(1m);
    }
}
