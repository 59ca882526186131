using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Execution;

/// <summary>
/// What was asked when a symbol's last order was rejected. The same decision is not sent again until the
/// signal's direction, the position or the cash changes, or the price moves in the order's favour (lower for a
/// long entry, higher for a short one, so a buy refused for cash can fit): re-sending an order the exchange just
/// refused, on every bar, would only repeat the refusal (and on a real exchange, burn request weight).
/// </summary>
/// <param name="Direction">The signal direction the rejected order served.</param>
/// <param name="Position">The position when it was sent.</param>
/// <param name="Cash">The cash when it was rejected.</param>
/// <param name="Price">The symbol's last price when it was rejected.</param>
/// <param name="Reason">The exchange's reason.</param>
internal sealed record RejectionMemory(SignalDirection Direction, decimal Position, decimal Cash, decimal Price, string? Reason)
{
    /// <summary>True while nothing has changed that could make the same decision's order acceptable.</summary>
    public bool StillApplies(SignalDirection direction, decimal position, decimal cash, decimal price) =>
        direction == Direction
        && position == Position
        && cash == Cash
        && !(Direction == SignalDirection.Long && price < Price)
        && !(Direction == SignalDirection.Short && price > Price);
}
