using System.Reflection;
using System.Runtime.Loader;

namespace PluginBot.Hosting.Loading;

/// <summary>
/// The collectible load context of one plugin version. Each version gets its own, so two versions of one plugin
/// (or two plugins needing different versions of one library) run side by side, and a replaced version can be
/// unloaded without restarting the engine.
/// </summary>
/// <remarks>
/// Shared assemblies (the SDK, the indicators, the framework) are deliberately not loaded here: returning null
/// from <see cref="Load"/> lets the default context supply the host's copy, so an SDK interface implemented by the
/// plugin is the very type the host casts to. Everything else is private to the plugin and comes from its
/// (shadow) folder, first as listed in its .deps.json, then as a plain <c>{AssemblyName}.dll</c> beside it.
/// </remarks>
public sealed class PluginLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver? resolver;
    private readonly HashSet<string> sharedAssemblyNames;

    /// <summary>Creates the context for the plugin whose main assembly is <paramref name="mainAssemblyPath"/>.</summary>
    /// <param name="pluginId">The manifest id, part of the context name so diagnostics tools show whose context leaks.</param>
    /// <param name="pluginVersion">The manifest version, also part of the context name.</param>
    /// <param name="mainAssemblyPath">The plugin assembly in its shadow folder; its folder is where private dependencies are found.</param>
    /// <param name="additionalSharedAssemblyNames">Names besides the defaults that must come from the host.</param>
    public PluginLoadContext(string pluginId, string pluginVersion, string mainAssemblyPath, IEnumerable<string>? additionalSharedAssemblyNames = null)
        : base($"plugin:{pluginId}@{pluginVersion}", isCollectible: true)
    {
        ArgumentException.ThrowIfNullOrEmpty(mainAssemblyPath);
        PluginId = pluginId;
        PluginVersion = pluginVersion;
        MainAssemblyPath = Path.GetFullPath(mainAssemblyPath);
        PluginDirectory = Path.GetDirectoryName(MainAssemblyPath)!;
        sharedAssemblyNames = SharedAssemblies.CreateNameSet(additionalSharedAssemblyNames ?? []);
        resolver = TryCreateResolver(MainAssemblyPath);
    }

    /// <summary>The manifest id of the plugin this context belongs to.</summary>
    public string PluginId { get; }

    /// <summary>The manifest version this context was created for.</summary>
    public string PluginVersion { get; }

    /// <summary>The full path of the plugin's main assembly (in the shadow folder).</summary>
    public string MainAssemblyPath { get; }

    /// <summary>The folder private dependencies are resolved from.</summary>
    public string PluginDirectory { get; }

    /// <summary>True when the assembly must come from the host: shared by name or part of the framework.</summary>
    public bool IsShared(string assemblyName) =>
        sharedAssemblyNames.Contains(assemblyName) || SharedAssemblies.IsFrameworkAssembly(assemblyName);

    /// <summary>Loads the plugin's main assembly from its shadow copy.</summary>
    public Assembly LoadMainAssembly() => LoadFromAssemblyPath(MainAssemblyPath);

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is null || IsShared(assemblyName.Name))
        {
            return null;
        }

        var path = ResolveAssemblyPath(assemblyName);

        // Null hands the request to the default context: a dependency the plugin does not ship but the host has.
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    /// <inheritdoc />
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = resolver?.ResolveUnmanagedDllToPath(unmanagedDllName) ?? ProbeUnmanagedLibrary(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    private string? ResolveAssemblyPath(AssemblyName assemblyName)
    {
        var resolved = resolver?.ResolveAssemblyToPath(assemblyName);
        if (resolved is not null && File.Exists(resolved))
        {
            return resolved;
        }

        // Plugins compiled without the SDK's build (a bare csc or Roslyn) have no .deps.json entry for their
        // dependencies; the convention "the dependency sits beside the plugin" still finds them.
        var directory = string.IsNullOrEmpty(assemblyName.CultureName) || assemblyName.CultureName == "neutral"
            ? PluginDirectory
            : Path.Combine(PluginDirectory, assemblyName.CultureName);
        var candidate = Path.Combine(directory, assemblyName.Name + ".dll");
        return File.Exists(candidate) ? candidate : null;
    }

    private string? ProbeUnmanagedLibrary(string name)
    {
        string[] candidates =
        [
            name,
            name + ".so",
            "lib" + name + ".so",
            name + ".dylib",
            "lib" + name + ".dylib",
            name + ".dll",
        ];
        foreach (var candidate in candidates)
        {
            var path = Path.Combine(PluginDirectory, candidate);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    private static AssemblyDependencyResolver? TryCreateResolver(string mainAssemblyPath)
    {
        try
        {
            return new AssemblyDependencyResolver(mainAssemblyPath);
        }
        catch (InvalidOperationException error)
        {
            var dependencyManifest = Path.ChangeExtension(mainAssemblyPath, ".deps.json");
            if (File.Exists(dependencyManifest))
            {
                // A broken .deps.json must not be papered over: the plugin would then run with whatever
                // dependencies happen to lie in its folder, which is not what its author built.
                throw new InvalidOperationException(
                    $"{Path.GetFileName(dependencyManifest)} could not be read by the .NET dependency resolver: {error.Message}", error);
            }

            // Without a .deps.json the resolver only adds value inside the .NET host (hostpolicy); in a single-file
            // or custom host it is unavailable, and the folder convention is all there is.
            return null;
        }
    }
}
