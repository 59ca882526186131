using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Execution;

/// <summary>
/// What was asked when a symbol's last order was rejected. The same decision is not sent again until the
/// signal's direction, the position or the cash changes: re-sending an order the exchange just refused, on every
/// bar, would only repeat the refusal (and on a real exchange, burn request weight).
/// </summary>
/// <param name="Direction">The signal direction the rejected order served.</param>
/// <param name="Position">The position when it was sent.</param>
/// <param name="Cash">The cash when it was rejected.</param>
/// <param name="Reason">The exchange's reason.</param>
internal sealed record RejectionMemory(SignalDirection Direction, decimal Position, decimal Cash, string? Reason);
