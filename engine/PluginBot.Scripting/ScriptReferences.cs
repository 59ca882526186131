using Microsoft.CodeAnalysis;

namespace PluginBot.Scripting;

/// <summary>
/// The metadata references every script compiles against, created once per process. Reading ~170 framework
/// assemblies' metadata is most of a cold compile's cost, and the references are immutable, so all compilations share
/// one list.
/// </summary>
/// <remarks>
/// The whole Microsoft.NETCore.App framework is referenced, not only the allowed part: a script that names a forbidden
/// type (System.Net.Http.HttpClient, say) must get the sandbox's clear "not allowed" diagnostic, not a confusing
/// "type or namespace not found". The host's other assemblies (the test runner, Roslyn, the engine) are deliberately
/// not referenced, so scripts cannot even name them.
/// </remarks>
internal static class ScriptReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> All = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The framework, the SDK, the indicators, Google.Protobuf (the SDK's contracts use it) and this assembly (the budget runtime).</summary>
    public static IReadOnlyList<MetadataReference> Get() => All.Value;

    private static IReadOnlyList<MetadataReference> Create()
    {
        var paths = new SortedSet<string>(FrameworkAssemblyPaths(), StringComparer.Ordinal)
        {
            typeof(PluginBot.Sdk.Plugins.IStrategy).Assembly.Location,
            typeof(PluginBot.Indicators.RelativeStrengthIndex).Assembly.Location,
            typeof(Google.Protobuf.IMessage).Assembly.Location,
            typeof(Runtime.ScriptBudget).Assembly.Location,
        };
        return paths.Where(path => path.Length > 0).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList();
    }

    private static IEnumerable<string> FrameworkAssemblyPaths()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string;
        if (string.IsNullOrEmpty(frameworkDirectory) || string.IsNullOrEmpty(trusted))
        {
            throw new InvalidOperationException(
                "The .NET framework assemblies cannot be located (no TRUSTED_PLATFORM_ASSEMBLIES); scripts need a framework-dependent host.");
        }

        foreach (var path in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            // Only Microsoft.NETCore.App itself: it sits in one folder with System.Private.CoreLib.
            if (string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal) && IsManagedAssemblyName(path))
            {
                yield return path;
            }
        }
    }

    private static bool IsManagedAssemblyName(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            && (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal)
                || name is "mscorlib.dll" or "netstandard.dll" or "System.dll");
    }
}
