using System.Reflection;
using System.Runtime.Loader;

namespace PluginBot.Scripting;

/// <summary>
/// The collectible load context of one compiled script version. Unlike a plugin's context it has no folder to
/// resolve from: a script can only reference the framework, the SDK, the indicators and the budget runtime, all of
/// which must be the host's own copies (so IStrategy is the very type the host casts to, and the budget's
/// thread-static deadline is the one the engine sets). Every request is therefore handed to the default context.
/// </summary>
internal sealed class ScriptLoadContext : AssemblyLoadContext
{
    /// <summary>Creates the context; <paramref name="name"/> shows in memory diagnostics, so it names the script and its version.</summary>
    public ScriptLoadContext(string name)
        : base(name, isCollectible: true)
    {
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName) => null;

    /// <inheritdoc />
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        throw new DllNotFoundException($"Scripts cannot load native libraries ('{unmanagedDllName}').");
}
