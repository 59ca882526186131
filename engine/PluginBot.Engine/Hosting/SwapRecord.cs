namespace PluginBot.Engine.Hosting;

/// <summary>One hot swap of a plugin slot, as the audit trail and results keep it.</summary>
/// <param name="Time">Clock time of the swap (between two events).</param>
/// <param name="Slot">The slot, for example "strategy" or "risk[0]".</param>
/// <param name="FromVersion">The version that was running.</param>
/// <param name="ToVersion">The version asked for.</param>
/// <param name="Succeeded">False when warm-up failed and the old version kept running.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Note">How the new version took over, for example whether its state was carried.</param>
public sealed record SwapRecord(DateTime Time, string Slot, string FromVersion, string ToVersion, bool Succeeded, string? Error, string? Note = null);
