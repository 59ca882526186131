using PluginBot.Engine.Accounting;
using PluginBot.Engine.Clock;
using PluginBot.Engine.Execution;
using PluginBot.Engine.Exchange;
using PluginBot.Engine.Feeds;
using PluginBot.Engine.Hosting;
using PluginBot.Sdk.Market;

namespace PluginBot.Engine.Backtest;

/// <summary>
/// The event loop. For each bar, in feed order: the clock moves to the bar's close, the day rolls if it
/// changed, the exchange trades working orders against the bar (orders decided earlier — never this bar's own),
/// positions are marked, the risk layers observe the bar, the exit policy keeps the position's exit orders in line
/// (stops, targets, time exits, scale-ins), the strategy decides on the closed bar, and the execution engine acts on
/// the decision.
/// Equity is sampled once per distinct time. Nothing here allocates unless an order is sent.
/// </summary>
public sealed class TradingKernel
{
    private readonly SimulatedClock clock;
    private readonly IBarFeed feed;
    private readonly SimulatedExchange exchange;
    private readonly Portfolio portfolio;
    private readonly TradeRecorder trades;
    private readonly ExecutionEngine execution;
    private readonly GuardedStrategy strategy;
    private readonly EquityRecorder equity;
    private readonly IPluginSlot[] slots;
    private readonly RecentBars recentBars;
    private readonly List<SwapRecord> swaps = [];

    /// <summary>Wires one strategy instance to one environment.</summary>
    public TradingKernel(
        SimulatedClock clock,
        IBarFeed feed,
        SimulatedExchange exchange,
        Portfolio portfolio,
        TradeRecorder trades,
        ExecutionEngine execution,
        GuardedStrategy strategy,
        EquityRecorder equity,
        IReadOnlyList<IPluginSlot>? otherSlots = null,
        int warmUpBars = 1_000)
    {
        this.clock = clock;
        this.feed = feed;
        this.exchange = exchange;
        this.portfolio = portfolio;
        this.trades = trades;
        this.execution = execution;
        this.strategy = strategy;
        this.equity = equity;
        execution.FillBooked += strategy.OnFill;
        slots = [strategy.Slot, .. otherSlots ?? []];
        recentBars = new RecentBars(warmUpBars);
    }

    /// <summary>Every swap applied or refused, in order.</summary>
    public IReadOnlyList<SwapRecord> Swaps => swaps;

    /// <summary>Bars handled so far.</summary>
    public long BarsProcessed { get; private set; }

    /// <summary>
    /// Runs until the feed ends or <paramref name="cancellation"/> is signalled. <paramref name="progress"/>
    /// is called with the number of bars handled every <paramref name="progressInterval"/> bars.
    /// </summary>
    public void Run(CancellationToken cancellation = default, Action<long>? progress = null, int progressInterval = 65_536)
    {
        var lastTime = default(DateTime);
        var haveTime = false;
        while (feed.TryRead(out var bar))
        {
            var time = bar.EndTime;
            if (haveTime && time != lastTime)
            {
                // Every bar closing at lastTime has been handled: that instant is complete.
                equity.Record(lastTime, portfolio);
            }

            lastTime = time;
            haveTime = true;
            Step(in bar);
            if (++BarsProcessed % progressInterval == 0)
            {
                progress?.Invoke(BarsProcessed);
                cancellation.ThrowIfCancellationRequested();
            }
        }

        if (haveTime)
        {
            equity.Record(lastTime, portfolio);
        }

        progress?.Invoke(BarsProcessed);
    }

    private void Step(in Bar bar)
    {
        ApplyPendingSwaps();
        clock.AdvanceTo(bar.EndTime);
        portfolio.AdvanceTo(bar.EndTime);
        execution.BeginBar(in bar);
        exchange.OnBar(in bar);
        var position = portfolio.PositionFor(bar.Symbol);
        position.MarketPrice = bar.Close;
        trades.OnBar(in bar, position);
        execution.ObserveBar(in bar);
        execution.ManageExits(in bar);
        var signal = strategy.OnBar(in bar);
        execution.OnSignal(in bar, signal, strategy.Slot.CurrentVersion);
        recentBars.Add(in bar);
    }

    /// <summary>
    /// Applies requested swaps now. Only between two events on the engine thread: the kernel calls it before each bar,
    /// and a live feed calls it while it waits for the next bar, so a swap does not wait for a slow market.
    /// </summary>
    public void ApplyPendingSwaps()
    {
        for (var index = 0; index < slots.Length; index++)
        {
            if (slots[index].HasPendingSwap && slots[index].ApplyPendingSwap(clock.UtcNow, recentBars) is { } record)
            {
                swaps.Add(record);
            }
        }
    }
}
