using PluginBot.Engine.Exits;
using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Execution;

/// <summary>
/// The audit trail of one decision that asked for a position change: what was asked, what the position was,
/// what the engine did and why. Written with the backtest results.
/// </summary>
/// <param name="Time">When the decision was taken (the decision bar's close).</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Signal">The strategy's signal.</param>
/// <param name="ReferencePrice">The close the decision was taken on.</param>
/// <param name="PositionBefore">Signed position when deciding.</param>
/// <param name="TargetPosition">Signed position the engine aimed for after sizing and risk.</param>
/// <param name="Outcome">What the engine did.</param>
/// <param name="ClientOrderId">The order sent, if any.</param>
/// <param name="Reason">Why it was vetoed, scaled or not sized; null when sent unchanged.</param>
/// <param name="StrategyVersion">The version of the strategy that decided, so decisions can be traced across hot swaps.</param>
/// <param name="Exit">For an exit order (or its cancellation), why the exit policy sent it; null for the strategy's own decisions.</param>
/// <param name="ExitLevel">For a partial exit, its level (1 for the lowest gain); null otherwise.</param>
public sealed record DecisionRecord(
    DateTime Time,
    string Symbol,
    Signal Signal,
    decimal ReferencePrice,
    decimal PositionBefore,
    decimal TargetPosition,
    DecisionOutcome Outcome,
    string? ClientOrderId,
    string? Reason,
    string? StrategyVersion = null,
    ExitReason? Exit = null,
    int? ExitLevel = null);
