namespace PluginBot.Hosting;

/// <summary>A settled change of one plugin folder.</summary>
/// <param name="Kind">Added, changed or removed.</param>
/// <param name="FolderPath">The plugin folder.</param>
public sealed record PluginFolderChange(PluginFolderChangeKind Kind, string FolderPath);
