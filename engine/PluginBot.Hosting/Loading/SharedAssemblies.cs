namespace PluginBot.Hosting.Loading;

/// <summary>
/// Decides which assemblies a plugin must take from the host instead of from its own folder. A type is the same
/// type on both sides only if both sides load the same assembly, so everything whose types cross the boundary
/// (the SDK contracts, the indicators, the framework) is shared; everything else stays private to the plugin.
/// </summary>
internal static class SharedAssemblies
{
    /// <summary>
    /// The host's assemblies that plugins always share. Google.Protobuf is here because the SDK's market data
    /// contracts are protobuf messages: a plugin's own copy would make them different types from the host's.
    /// </summary>
    public static readonly IReadOnlyCollection<string> DefaultNames = ["PluginBot.Sdk", "PluginBot.Indicators", "Google.Protobuf"];

    // Names only (strings), never Assembly or Type objects: a static cache of those could keep plugin contexts alive.
    private static readonly Lazy<HashSet<string>> FrameworkNames = new(ReadFrameworkNames);

    /// <summary>Builds the set of names shared with one plugin: the defaults plus the request's additions.</summary>
    public static HashSet<string> CreateNameSet(IEnumerable<string> additionalNames)
    {
        var names = new HashSet<string>(DefaultNames, StringComparer.OrdinalIgnoreCase);
        names.UnionWith(additionalNames);
        return names;
    }

    /// <summary>
    /// True when the assembly belongs to a shared framework the host runs on (Microsoft.NETCore.App and its
    /// siblings such as Microsoft.AspNetCore.App). A plugin that ships its own System.Text.Json would otherwise get
    /// a second, incompatible copy of framework types.
    /// </summary>
    public static bool IsFrameworkAssembly(string assemblyName) => FrameworkNames.Value.Contains(assemblyName);

    private static HashSet<string> ReadFrameworkNames()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var coreLibraryDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var trustedAssemblies = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string;
        if (string.IsNullOrEmpty(coreLibraryDirectory) || string.IsNullOrEmpty(trustedAssemblies))
        {
            // Single-file or unusual hosts: the framework then resolves through the default context anyway,
            // because the plugin's folder does not carry framework assemblies.
            return names;
        }

        // Framework-dependent layout: .../shared/Microsoft.NETCore.App/10.0.x/System.Runtime.dll. Sibling
        // frameworks live under the same "shared" folder, so anything below it is framework.
        var sharedFrameworksRoot = Path.GetDirectoryName(Path.GetDirectoryName(coreLibraryDirectory));
        var isFrameworkDependent = sharedFrameworksRoot is not null
            && string.Equals(Path.GetFileName(sharedFrameworksRoot), "shared", StringComparison.OrdinalIgnoreCase);
        var frameworkRoot = isFrameworkDependent ? sharedFrameworksRoot! : coreLibraryDirectory;

        foreach (var path in trustedAssemblies.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var directory = Path.GetDirectoryName(path);
            if (directory is not null && IsSameOrBelow(directory, frameworkRoot))
            {
                names.Add(Path.GetFileNameWithoutExtension(path));
            }
        }

        return names;
    }

    private static bool IsSameOrBelow(string directory, string root)
    {
        var relative = Path.GetRelativePath(root, directory);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
