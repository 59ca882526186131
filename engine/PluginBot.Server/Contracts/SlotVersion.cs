namespace PluginBot.Server.Contracts;

/// <summary>The code running in one slot of a strategy.</summary>
/// <param name="Slot">The slot, for example "strategy", "sizer" or "risk[0]".</param>
/// <param name="Plugin">The plugin id, script file or expert set in the slot.</param>
/// <param name="Version">Its version or content hash, as the swap records name it.</param>
public sealed record SlotVersion(string Slot, string Plugin, string Version);
