namespace PluginBot.Hosting.Tests.Fixtures;

/// <summary>
/// The recipe for one assembly compiled at test time: fixture plugins are real DLLs built from source, so the
/// tests exercise the same loading path a user's plugin takes, including version numbers and references.
/// </summary>
/// <param name="AssemblyName">The assembly's simple name (also the DLL's file name without ".dll").</param>
/// <param name="Source">C# source text. System, System.Collections.Generic and System.Linq are imported globally.</param>
public sealed record FixtureAssembly(string AssemblyName, string Source)
{
    /// <summary>The [AssemblyVersion] stamped into the DLL; what the loader sees when two versions meet.</summary>
    public Version AssemblyVersion { get; init; } = new(1, 0, 0, 0);

    /// <summary>Further DLLs to compile against, for example a private dependency or a fake SDK.</summary>
    public IReadOnlyList<string> ReferencePaths { get; init; } = [];

    /// <summary>
    /// Whether to compile against the host's real PluginBot.Sdk and PluginBot.Indicators. False for assemblies
    /// that must not see them: a fake future SDK, or a plugin built against it.
    /// </summary>
    public bool ReferenceHostSdk { get; init; } = true;
}
