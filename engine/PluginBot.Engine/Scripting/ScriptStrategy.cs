using PluginBot.Scripting;
using PluginBot.Scripting.Runtime;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Scripting;

/// <summary>
/// Runs a compiled script's strategy inside a per-call time budget. The script was instrumented at compile time to
/// check the budget in every loop and method, so a runaway call throws instead of hanging the engine; an overrun
/// the script swallowed is rethrown here. Either way the engine counts a failure, and repeated failures fault the
/// script (its positions stay under the risk layers). State carrying passes through to the script.
/// </summary>
/// <remarks>
/// The budget is wall-clock time, so it is generous by default: it exists to stop runaway code, not to make normal
/// scripts race the machine (which would make backtests depend on the machine's speed).
/// </remarks>
public sealed class ScriptStrategy : IStrategy, IStateCarrier
{
    private readonly IStrategy script;
    private readonly TimeSpan budget;

    /// <summary>Wraps the strategy created from <paramref name="loaded"/>, each call limited to <paramref name="budget"/>.</summary>
    public ScriptStrategy(LoadedScript loaded, TimeSpan budget)
    {
        Script = loaded;
        this.budget = budget;
        script = Budgeted(loaded.CreateStrategy);
    }

    /// <summary>The default per-call budget: far above any sensible per-bar work.</summary>
    public static TimeSpan DefaultBudget { get; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The compiled script this strategy runs (its version is the script's content hash).</summary>
    public LoadedScript Script { get; }

    /// <inheritdoc />
    public void Initialize(IPluginContext context) => Budgeted(() => script.Initialize(context));

    /// <inheritdoc />
    public Signal OnBar(in Bar bar)
    {
        ScriptBudget.Begin(budget);
        Signal signal;
        try
        {
            signal = script.OnBar(in bar);
        }
        finally
        {
            Finish();
        }

        return signal;
    }

    /// <inheritdoc />
    public void OnFill(Fill fill) => Budgeted(() => script.OnFill(fill));

    /// <inheritdoc />
    public void SaveState(StrategyState state)
    {
        if (script is IStateCarrier carrier)
        {
            Budgeted(() => carrier.SaveState(state));
        }
    }

    /// <inheritdoc />
    public bool RestoreState(StrategyState state) => script is IStateCarrier carrier && Budgeted(() => carrier.RestoreState(state));

    private void Budgeted(Action call) => Budgeted(() =>
    {
        call();
        return true;
    });

    private T Budgeted<T>(Func<T> call)
    {
        ScriptBudget.Begin(budget);
        try
        {
            return call();
        }
        finally
        {
            Finish();
        }
    }

    private void Finish()
    {
        // An overrun the script caught and swallowed is still an overrun.
        if (ScriptBudget.End())
        {
            throw new ScriptBudgetExceededException($"{Script.SourcePath} ({Script.Version}) used more than its {budget.TotalMilliseconds:0} ms budget for one call.");
        }
    }
}
