namespace PluginBot.Hosting.Tests.Fixtures;

/// <summary>A plugin folder to build: its assembly, its manifest fields and any extra files.</summary>
/// <param name="PluginId">The manifest id.</param>
/// <param name="Version">The manifest version (SemVer).</param>
/// <param name="Assembly">The plugin assembly to compile; its DLL is written as <c>{AssemblyName}.dll</c>.</param>
/// <param name="EntryTypeName">The manifest's entryType.</param>
public sealed record FixturePlugin(string PluginId, string Version, FixtureAssembly Assembly, string EntryTypeName)
{
    /// <summary>The manifest kind.</summary>
    public string Kind { get; init; } = "strategy";

    /// <summary>The manifest sdkVersion range.</summary>
    public string SdkVersionRange { get; init; } = "^1.0";

    /// <summary>Further files keyed by path relative to the plugin folder ('/' separated), for example private dependency DLLs.</summary>
    public IReadOnlyDictionary<string, byte[]> ExtraFiles { get; init; } = new Dictionary<string, byte[]>();

    /// <summary>
    /// When set, written as plugin.json verbatim instead of the manifest built from the fields above; for tests of
    /// malformed manifests.
    /// </summary>
    public string? ManifestJson { get; init; }

    /// <summary>The plugin assembly's file name, as the manifest's "assembly" field names it.</summary>
    public string AssemblyFileName => Assembly.AssemblyName + ".dll";
}
