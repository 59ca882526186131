namespace PluginBot.Hosting.Loading;

/// <summary>
/// Everything needed to load one plugin version's assembly. The manifest has already been validated by the
/// time a request is made; the loader re-checks only what it must touch (files, types) to load safely.
/// </summary>
/// <param name="PluginId">The manifest id; names the load context and every error message.</param>
/// <param name="Version">The manifest version; a separate load context and shadow folder exist per version.</param>
/// <param name="SourceDirectory">The plugin folder as dropped by the user. It is only read, never loaded from, so it stays unlocked.</param>
/// <param name="AssemblyFileName">The plugin assembly's file name inside the folder (no directories).</param>
/// <param name="EntryTypeName">Full name of the entry type to construct.</param>
/// <param name="ExpectedInterface">The SDK interface the entry type must implement for the manifest's kind (for example IStrategy).</param>
/// <param name="ShadowRoot">Where shadow copies live; one subfolder per plugin id and content.</param>
public sealed record PluginAssemblyLoadRequest(
    string PluginId,
    string Version,
    string SourceDirectory,
    string AssemblyFileName,
    string EntryTypeName,
    Type ExpectedInterface,
    string ShadowRoot)
{
    /// <summary>
    /// Assembly names (besides the SDK, the indicators and the framework) that must come from the host, because
    /// their types cross the boundary between host and plugin. A plugin's own copy of these is ignored.
    /// </summary>
    public IReadOnlyCollection<string> AdditionalSharedAssemblyNames { get; init; } = [];
}
