namespace PluginBot.Server.Contracts;

/// <summary>Asks the host to hot-swap one slot of a strategy between two events.</summary>
/// <param name="Kind">Plugin, script or expert set.</param>
/// <param name="Slot">The slot to replace, for example "risk[0]".</param>
/// <param name="Target">What to put in it; see <see cref="SwapKind"/> for each kind's form.</param>
public sealed record SwapRequest(SwapKind Kind, string Slot, string Target);
