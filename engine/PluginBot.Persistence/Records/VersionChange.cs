namespace PluginBot.Persistence;

/// <summary>The code in one slot of a strategy changed to <paramref name="Version"/> at <paramref name="Time"/>.</summary>
/// <param name="Slot">The slot, for example "strategy", "risk[0]" or "expert:trend".</param>
/// <param name="Kind">Plugin, script or model.</param>
/// <param name="Version">The version (or content hash) now in use.</param>
/// <param name="Time">UTC time from which it was in use.</param>
public sealed record VersionChange(string Slot, VersionKind Kind, string Version, DateTime Time);
