using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace PluginBot.Hosting.Manifest;

/// <summary>
/// Reads which PluginBot.Sdk version a plugin assembly was compiled against, from its metadata, without loading it.
/// The compiler stamps the referenced SDK's assembly version into every plugin; the host cross-checks it against the
/// manifest's sdkVersion and its own SDK before creating a load context, so a plugin built against a future SDK is
/// refused with both versions named instead of failing later with a missing-method error.
/// </summary>
public static class AssemblySdkReference
{
    /// <summary>The simple name of the SDK assembly plugins reference.</summary>
    public const string SdkAssemblyName = "PluginBot.Sdk";

    /// <summary>The version of PluginBot.Sdk that <paramref name="assemblyPath"/> references, or null when it references none.</summary>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static Version? Read(string assemblyPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assemblyPath);
        using var stream = File.OpenRead(assemblyPath);
        using var portableExecutable = new PEReader(stream);
        if (!portableExecutable.HasMetadata)
        {
            throw new BadImageFormatException("the file is not a .NET assembly (it has no metadata)", assemblyPath);
        }

        var metadata = portableExecutable.GetMetadataReader();
        foreach (var handle in metadata.AssemblyReferences)
        {
            var reference = metadata.GetAssemblyReference(handle);
            if (metadata.StringComparer.Equals(reference.Name, SdkAssemblyName))
            {
                return reference.Version;
            }
        }

        return null;
    }
}
