namespace PluginBot.Hosting.Manifest;

/// <summary>
/// A validated plugin.json: everything the host needs to decide whether to load a plugin and how, without having
/// touched its assembly. Instances come only from <see cref="PluginManifestReader"/>, so holding one means the file
/// passed the schema and the semantic checks.
/// </summary>
/// <param name="Id">Stable identifier used in strategy compositions, such as "ema-cross".</param>
/// <param name="Kind">Which SDK contract the entry type implements.</param>
/// <param name="Version">The plugin's own SemVer version, as written (the host compares versions of one id to order swaps).</param>
/// <param name="SdkVersion">The SDK versions the plugin accepts; the host checks it against <see cref="HostSdk.Version"/>.</param>
/// <param name="AssemblyFileName">The plugin assembly's file name inside <paramref name="DirectoryPath"/>.</param>
/// <param name="EntryType">Full name of the public type to construct.</param>
/// <param name="Sha256">The expected SHA-256 of the assembly in lowercase hex, when the author pinned it.</param>
/// <param name="ConfigSchemaJson">The raw JSON of the plugin's settings schema, when it has one; see <see cref="PluginSettingsSchema"/>.</param>
/// <param name="Description">What the plugin does, for listings.</param>
/// <param name="Author">Who wrote it, for listings.</param>
/// <param name="DirectoryPath">Absolute path of the plugin folder.</param>
/// <param name="ManifestPath">Absolute path of the plugin.json that was read.</param>
public sealed record PluginManifest(
    string Id,
    PluginKind Kind,
    string Version,
    SdkVersionRange SdkVersion,
    string AssemblyFileName,
    string EntryType,
    string? Sha256,
    string? ConfigSchemaJson,
    string? Description,
    string? Author,
    string DirectoryPath,
    string ManifestPath)
{
    /// <summary>Absolute path of the plugin assembly, the file the loader shadow-copies.</summary>
    public string AssemblyPath => Path.Combine(DirectoryPath, AssemblyFileName);
}
