namespace PluginBot.Server.Contracts;

/// <summary>The record of one swap, as the engine's swap record keeps it; failed swaps leave the old version running.</summary>
/// <param name="Time">Engine clock time of the swap.</param>
/// <param name="Slot">The slot.</param>
/// <param name="FromVersion">The version that was running.</param>
/// <param name="ToVersion">The version asked for.</param>
/// <param name="Succeeded">False when loading or warm-up failed.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Note">How the new version took over, for example whether its state was carried.</param>
public sealed record SwapResult(DateTime Time, string Slot, string FromVersion, string ToVersion, bool Succeeded, string? Error = null, string? Note = null);
