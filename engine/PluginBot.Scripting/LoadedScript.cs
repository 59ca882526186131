using System.Reflection;
using System.Runtime.CompilerServices;
using PluginBot.Hosting.Loading;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Scripting;

/// <summary>
/// One compiled script version loaded into its own collectible context. The host creates strategy instances through
/// it and, when the script is saved again (or removed), unloads it here; two versions of one file load side by side
/// because each compile has a unique assembly name and its own context.
/// </summary>
/// <remarks>
/// As with plugins, unloading only succeeds once nothing references the script: drop every strategy instance,
/// delegate and <see cref="Type"/> obtained from it, call <see cref="Unload"/>, then prove the unload with
/// <see cref="UnloadVerifier.WaitForCollection"/>.
/// </remarks>
public sealed class LoadedScript : IDisposable
{
    private ScriptLoadContext? context;
    private Type? entryType;
    private WeakReference? unloadedContext;

    private LoadedScript(ScriptCompilationResult compilation, ScriptLoadContext context, Type entryType)
    {
        SourcePath = compilation.SourcePath;
        ContentHash = compilation.ContentHash;
        Version = compilation.Version;
        AssemblyName = compilation.AssemblyName;
        EntryTypeName = entryType.FullName ?? entryType.Name;
        LoadContextName = context.Name ?? string.Empty;
        this.context = context;
        this.entryType = entryType;
    }

    /// <summary>The script file this version was compiled from.</summary>
    public string SourcePath { get; }

    /// <summary>The SHA-256 of the source this version was compiled from (lower-case hex).</summary>
    public string ContentHash { get; }

    /// <summary>The first 12 hex digits of <see cref="ContentHash"/>: how logs and the dashboard name this version.</summary>
    public string Version { get; }

    /// <summary>The unique assembly name of this compile.</summary>
    public string AssemblyName { get; }

    /// <summary>The strategy class's full name.</summary>
    public string EntryTypeName { get; }

    /// <summary>The load context's name ("script:{file}@{version}"), for logs and memory diagnostics.</summary>
    public string LoadContextName { get; }

    /// <summary>True once <see cref="Unload"/> has run; no more strategies can be created.</summary>
    public bool IsUnloaded => unloadedContext is not null;

    /// <summary>Loads a successful compilation's assembly (and PDB, for file:line in stack traces) into a new collectible context.</summary>
    /// <exception cref="ArgumentException">The compilation failed; its diagnostics say why.</exception>
    public static LoadedScript Load(ScriptCompilationResult compilation)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        if (!compilation.Success || compilation.EntryTypeName is null)
        {
            throw new ArgumentException(
                $"Script {compilation.SourcePath} did not compile; it cannot be loaded:{Environment.NewLine}{compilation.FormatDiagnostics()}",
                nameof(compilation));
        }

        var loadContext = new ScriptLoadContext($"script:{Path.GetFileName(compilation.SourcePath)}@{compilation.Version}");
        try
        {
            using var assemblyStream = new MemoryStream(compilation.AssemblyBytes!, writable: false);
            using var pdbStream = compilation.PdbBytes is null ? null : new MemoryStream(compilation.PdbBytes, writable: false);
            var assembly = loadContext.LoadFromStream(assemblyStream, pdbStream);
            var type = assembly.GetType(compilation.EntryTypeName, throwOnError: true)!;
            return new LoadedScript(compilation, loadContext, type);
        }
        catch
        {
            loadContext.Unload();
            throw;
        }
    }

    /// <summary>
    /// Constructs a new instance of the script's strategy. Exceptions from the constructor (or the class's static
    /// initialiser) are not wrapped, so their stack trace points straight at the script's file and line.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The script was unloaded.</exception>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public IStrategy CreateStrategy()
    {
        var type = entryType ?? throw new ObjectDisposedException(LoadContextName, $"Script {SourcePath} ({Version}) was unloaded.");
        var instance = Activator.CreateInstance(
            type,
            BindingFlags.Public | BindingFlags.Instance | BindingFlags.CreateInstance | BindingFlags.DoNotWrapExceptions,
            binder: null,
            args: null,
            culture: null);
        return (IStrategy)instance!;
    }

    /// <summary>
    /// Releases the script: drops this object's references to its types, clears the framework's reflection caches
    /// (as the plugin host does) and asks the context to unload. Calling it again returns the same reference.
    /// </summary>
    /// <returns>A weak reference to the load context; pass it to <see cref="UnloadVerifier.WaitForCollection"/> to prove the unload.</returns>
    public WeakReference Unload()
    {
        if (unloadedContext is not null)
        {
            return unloadedContext;
        }

        var releasing = context!;
        unloadedContext = new WeakReference(releasing, trackResurrection: false);
        entryType = null;
        context = null;
        ReflectionCacheCleaner.ClearCaches();
        releasing.Unload();
        return unloadedContext;
    }

    /// <summary>Unloads the script (see <see cref="Unload"/>), for hosts that only need the release, not its proof.</summary>
    public void Dispose() => Unload();
}
