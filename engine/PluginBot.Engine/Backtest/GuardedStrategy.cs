using PluginBot.Engine.Hosting;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Backtest;

/// <summary>
/// Runs the strategy in a slot so that its exceptions cannot stop the engine: a throwing call counts as Hold and is
/// logged; after <see cref="MaximumConsecutiveFailures"/> failures in a row the slot is faulted and the strategy is
/// asked nothing more until a new version is swapped in, while the positions it left stay under the engine's risk layers.
/// </summary>
public sealed class GuardedStrategy
{
    private readonly IPluginLogger log;
    private int consecutiveFailures;
    private IStrategy? lastSeen;

    /// <summary>Wraps the strategy in <paramref name="slot"/>.</summary>
    public GuardedStrategy(PluginSlot<IStrategy> slot, IPluginLogger log, int maximumConsecutiveFailures = 5)
    {
        Slot = slot;
        this.log = log;
        MaximumConsecutiveFailures = maximumConsecutiveFailures;
    }

    /// <summary>Wraps a strategy that is never swapped.</summary>
    public GuardedStrategy(IStrategy strategy, IPluginLogger log, int maximumConsecutiveFailures = 5)
        : this(new PluginSlot<IStrategy>("strategy", strategy, "1"), log, maximumConsecutiveFailures)
    {
    }

    /// <summary>The slot the strategy runs in.</summary>
    public PluginSlot<IStrategy> Slot { get; }

    /// <summary>Bars closing before this time warm the strategy up: it sees them, but its signals become Hold.</summary>
    public DateTime? TradingStartsAt { get; init; }

    /// <summary>While this returns true the strategy sees bars but its signals become Hold (a resumed run's warm-up).</summary>
    public Func<bool>? IsWarmingUp { get; init; }

    /// <summary>
    /// While true the strategy still sees every bar (so it stays warm) but its signals become Hold: a paused strategy
    /// opens nothing and closes nothing by itself. Set on the engine thread.
    /// </summary>
    public bool Paused { get; set; }

    /// <summary>Failures in a row that fault the strategy.</summary>
    public int MaximumConsecutiveFailures { get; }

    /// <summary>Exceptions thrown so far, over every version.</summary>
    public int Failures { get; private set; }

    /// <summary>True while the current version is faulted.</summary>
    public bool IsFaulted => Slot.Health == PluginHealth.Faulted;

    /// <summary>Primes a replacement strategy on recent bars before it takes over; its signals are ignored.</summary>
    public static void WarmUp(IStrategy replacement, RecentBars history)
    {
        for (var index = 0; index < history.Count; index++)
        {
            replacement.OnBar(in history[index]);
        }
    }

    /// <summary>
    /// Prepares a replacement to take over from <paramref name="current"/>: when both carry state, the old version's
    /// state is handed over; when that is not possible (or declined) the new version is warmed up on recent bars
    /// instead. Returns the note for the swap record.
    /// </summary>
    public static string TakeOver(IStrategy current, IStrategy replacement, RecentBars history)
    {
        if (current is IStateCarrier outgoing && replacement is IStateCarrier incoming)
        {
            var state = new StrategyState();
            string? problem = null;
            try
            {
                outgoing.SaveState(state);
                if (incoming.RestoreState(state))
                {
                    return $"state carried ({state})";
                }

                problem = "the new version declined the saved state";
            }
            catch (Exception exception)
            {
                problem = $"carrying state failed: {exception.GetType().Name}: {exception.Message}";
            }

            WarmUp(replacement, history);
            return $"{problem}; started fresh, warmed up on {history.Count} bars";
        }

        WarmUp(replacement, history);
        return $"warmed up on {history.Count} bars";
    }

    /// <summary>The strategy's signal, or Hold when it threw or is faulted.</summary>
    public Signal OnBar(in Bar bar)
    {
        var strategy = Current();
        if (IsFaulted)
        {
            return Signal.Hold;
        }

        try
        {
            var signal = strategy.OnBar(in bar);
            consecutiveFailures = 0;
            return Paused || bar.EndTime < TradingStartsAt || IsWarmingUp?.Invoke() == true ? Signal.Hold : signal;
        }
        catch (Exception exception)
        {
            RecordFailure($"OnBar({bar.Symbol} {bar.StartTime:O})", exception);
            return Signal.Hold;
        }
    }

    /// <summary>Forwards a fill, containing any exception.</summary>
    public void OnFill(Fill fill)
    {
        var strategy = Current();
        if (IsFaulted)
        {
            return;
        }

        try
        {
            strategy.OnFill(fill);
        }
        catch (Exception exception)
        {
            RecordFailure($"OnFill({fill.ClientOrderId})", exception);
        }
    }

    private IStrategy Current()
    {
        var current = Slot.Current;
        if (!ReferenceEquals(current, lastSeen))
        {
            // A new version starts with a clean record.
            lastSeen = current;
            consecutiveFailures = 0;
        }

        return current;
    }

    private void RecordFailure(string call, Exception exception)
    {
        Failures++;
        consecutiveFailures++;
        log.Error($"strategy {Slot.CurrentVersion} threw in {call}", exception);
        if (consecutiveFailures >= MaximumConsecutiveFailures)
        {
            Slot.MarkFaulted(exception);
            log.Error($"strategy {Slot.CurrentVersion} faulted after {consecutiveFailures} consecutive failures; it receives no more events until a new version is swapped in");
        }
    }
}
