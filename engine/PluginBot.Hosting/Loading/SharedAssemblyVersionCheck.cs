using System.Reflection;
using System.Runtime.Loader;

namespace PluginBot.Hosting.Loading;

/// <summary>
/// Refuses a plugin built against a shared assembly (above all the SDK) that the host's copy cannot stand in for.
/// Without it, a plugin built against a future SDK major would fail much later with a bare TypeLoadException;
/// with it, the message names both versions. Rule: same major, and a minor not above the host's.
/// </summary>
internal static class SharedAssemblyVersionCheck
{
    public static void Verify(PluginAssemblyLoadRequest request, Assembly pluginAssembly, PluginLoadContext context)
    {
        foreach (var reference in pluginAssembly.GetReferencedAssemblies())
        {
            if (reference.Name is null || reference.Version is null || !context.IsShared(reference.Name)
                || SharedAssemblies.IsFrameworkAssembly(reference.Name))
            {
                // The framework is checked by the runtime itself (a plugin targeting a newer .NET fails its own way).
                continue;
            }

            var hostVersion = FindHostVersion(reference.Name);
            if (hostVersion is null)
            {
                continue;
            }

            var compatible = reference.Version.Major == hostVersion.Major && reference.Version.Minor <= hostVersion.Minor;
            if (!compatible)
            {
                throw new PluginLoadException(
                    request.PluginId,
                    request.Version,
                    PluginLoadFailure.SharedAssemblyIncompatible,
                    $"{request.AssemblyFileName} was built against {reference.Name} {reference.Version} but the host provides {reference.Name} {hostVersion}; "
                    + "a plugin needs the same major version and a minor version not above the host's.");
            }
        }
    }

    private static Version? FindHostVersion(string assemblyName)
    {
        foreach (var assembly in AssemblyLoadContext.Default.Assemblies)
        {
            var name = assembly.GetName();
            if (string.Equals(name.Name, assemblyName, StringComparison.OrdinalIgnoreCase))
            {
                return name.Version;
            }
        }

        try
        {
            return AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(assemblyName)).GetName().Version;
        }
        catch (Exception error) when (error is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            // The host does not have it at all; loading will report the missing dependency when it is needed.
            return null;
        }
    }
}
