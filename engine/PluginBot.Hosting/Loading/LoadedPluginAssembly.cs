using System.Reflection;
using System.Runtime.CompilerServices;

namespace PluginBot.Hosting.Loading;

/// <summary>
/// One plugin version loaded into its own collectible context, with its entry type found and checked. It owns the
/// context: the host creates instances through it and, when the version is replaced or removed, unloads it here.
/// </summary>
/// <remarks>
/// Unloading only succeeds once nothing references the plugin any more: the host must drop every instance,
/// delegate and <see cref="Type"/> it obtained before (or right after) calling <see cref="Unload"/>, then confirm
/// with <see cref="UnloadVerifier.WaitForCollection"/>.
/// </remarks>
public sealed class LoadedPluginAssembly : IDisposable
{
    private PluginLoadContext? context;
    private Assembly? assembly;
    private Type? entryType;
    private WeakReference? unloadedContext;

    internal LoadedPluginAssembly(string id, string version, string shadowDirectory, PluginLoadContext context, Assembly assembly, Type entryType)
    {
        Id = id;
        Version = version;
        ShadowDirectory = shadowDirectory;
        LoadContextName = context.Name ?? string.Empty;
        this.context = context;
        this.assembly = assembly;
        this.entryType = entryType;
    }

    /// <summary>The plugin's manifest id.</summary>
    public string Id { get; }

    /// <summary>The plugin's manifest version.</summary>
    public string Version { get; }

    /// <summary>The shadow folder the assembly was loaded from; the user's folder is never loaded from.</summary>
    public string ShadowDirectory { get; }

    /// <summary>The load context's name ("plugin:{id}@{version}"), for logs and memory diagnostics.</summary>
    public string LoadContextName { get; }

    /// <summary>True once <see cref="Unload"/> has run; the assembly and entry type are then no longer available.</summary>
    public bool IsUnloaded => unloadedContext is not null;

    /// <summary>The plugin's main assembly.</summary>
    /// <exception cref="ObjectDisposedException">The plugin was unloaded.</exception>
    public Assembly Assembly => assembly ?? throw Unloaded();

    /// <summary>The checked entry type: public, concrete, implementing the expected interface, with a public parameterless constructor.</summary>
    /// <exception cref="ObjectDisposedException">The plugin was unloaded.</exception>
    public Type EntryType => entryType ?? throw Unloaded();

    /// <summary>Constructs a new instance of the entry type.</summary>
    /// <exception cref="PluginLoadException">The constructor or the type's static initialiser threw; the original exception is the inner exception.</exception>
    /// <exception cref="ObjectDisposedException">The plugin was unloaded.</exception>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public object CreateInstance()
    {
        var type = EntryType;
        try
        {
            return Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException error) when (error.InnerException is not null)
        {
            throw ConstructorFailed(type, error.InnerException);
        }
        catch (Exception error) when (error is TypeInitializationException or TypeLoadException or FileNotFoundException or FileLoadException
                                          or MissingMethodException or MemberAccessException)
        {
            throw ConstructorFailed(type, error);
        }
    }

    /// <summary>
    /// Releases the plugin: drops this object's references to its assembly and types, clears the framework's
    /// reflection caches that would otherwise hold plugin types forever (see DESIGN.md, "Known traps"), and asks the
    /// context to unload. Calling it again returns the same reference.
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
        assembly = null;
        entryType = null;
        context = null;
        ReflectionCacheCleaner.ClearCaches();
        releasing.Unload();
        return unloadedContext;
    }

    /// <summary>Unloads the plugin (see <see cref="Unload"/>), for hosts that only need the release, not its proof.</summary>
    public void Dispose() => Unload();

    private PluginLoadException ConstructorFailed(Type type, Exception error) =>
        new(Id, Version, PluginLoadFailure.ConstructorFailed,
            $"the constructor of entry type {type.FullName} threw {error.GetType().FullName}: {error.Message}", error);

    private ObjectDisposedException Unloaded() => new(LoadContextName, $"Plugin '{Id}' {Version} was unloaded.");
}
