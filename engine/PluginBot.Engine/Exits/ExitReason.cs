namespace PluginBot.Engine.Exits;

/// <summary>
/// Why a position (or part of it) was closed. Recorded with every exit order, in its decision record and in the
/// round trip it ends, so a report can tell trades the strategy closed from trades a protective order closed.
/// </summary>
public enum ExitReason
{
    /// <summary>The strategy's own signal closed or flipped the position (no exit policy was involved).</summary>
    Signal = 0,

    /// <summary>The protective stop at the configured distance from the entry price.</summary>
    StopLoss = 1,

    /// <summary>The trailing stop, after it had tightened the stop beyond the initial stop loss.</summary>
    TrailingStop = 2,

    /// <summary>The take-profit limit, which closes whatever remains of the position.</summary>
    TakeProfit = 3,

    /// <summary>One of the partial-exit levels (its number is recorded beside the reason).</summary>
    PartialExit = 4,

    /// <summary>The position was held for the maximum holding period.</summary>
    MaximumHoldingPeriod = 5,

    /// <summary>The position was closed before the weekend.</summary>
    Weekend = 6,
}
