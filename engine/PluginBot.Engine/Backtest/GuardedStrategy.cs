using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Backtest;

/// <summary>
/// Runs a strategy so that its exceptions cannot stop the engine: a throwing call counts as Hold and is logged;
/// after <see cref="MaximumConsecutiveFailures"/> failures in a row the strategy is faulted and asked nothing
/// more, while the positions it left stay under the engine's risk layers.
/// </summary>
public sealed class GuardedStrategy
{
    private readonly IStrategy strategy;
    private readonly IPluginLogger log;
    private int consecutiveFailures;

    /// <summary>Wraps <paramref name="strategy"/>.</summary>
    public GuardedStrategy(IStrategy strategy, IPluginLogger log, int maximumConsecutiveFailures = 5)
    {
        this.strategy = strategy;
        this.log = log;
        MaximumConsecutiveFailures = maximumConsecutiveFailures;
    }

    /// <summary>Failures in a row that fault the strategy.</summary>
    public int MaximumConsecutiveFailures { get; }

    /// <summary>Exceptions thrown so far.</summary>
    public int Failures { get; private set; }

    /// <summary>True once the strategy has been faulted.</summary>
    public bool IsFaulted { get; private set; }

    /// <summary>The strategy's signal, or Hold when it threw or is faulted.</summary>
    public Signal OnBar(in Bar bar)
    {
        if (IsFaulted)
        {
            return Signal.Hold;
        }

        try
        {
            var signal = strategy.OnBar(in bar);
            consecutiveFailures = 0;
            return signal;
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

    private void RecordFailure(string call, Exception exception)
    {
        Failures++;
        consecutiveFailures++;
        log.Error($"strategy threw in {call}", exception);
        if (consecutiveFailures >= MaximumConsecutiveFailures)
        {
            IsFaulted = true;
            log.Error($"strategy faulted after {consecutiveFailures} consecutive failures; it receives no more events");
        }
    }
}
