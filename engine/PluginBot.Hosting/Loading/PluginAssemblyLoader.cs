using System.Reflection;

namespace PluginBot.Hosting.Loading;

/// <summary>
/// Loads one plugin version: shadow-copies its folder, creates its collectible context, loads its assembly and
/// finds its entry type. Every failure is a <see cref="PluginLoadException"/> naming the plugin, the file and what
/// was expected, and a failed load leaves nothing behind: its context is unloaded before the exception is thrown.
/// </summary>
public static class PluginAssemblyLoader
{
    /// <summary>Loads the plugin described by <paramref name="request"/>.</summary>
    /// <exception cref="PluginLoadException">The plugin cannot be loaded; <see cref="PluginLoadException.Failure"/> says why.</exception>
    /// <exception cref="ArgumentException">The request itself is malformed (a programming error in the host, not a bad plugin).</exception>
    public static LoadedPluginAssembly Load(PluginAssemblyLoadRequest request)
    {
        Validate(request);
        var shadowDirectory = CreateShadowCopy(request);
        var context = CreateContext(request, shadowDirectory);
        try
        {
            var assembly = LoadMainAssembly(request, context);
            SharedAssemblyVersionCheck.Verify(request, assembly, context);
            var entryType = EntryTypeResolver.Resolve(request, assembly);
            return new LoadedPluginAssembly(request.PluginId, request.Version, shadowDirectory, context, assembly, entryType);
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    private static void Validate(PluginAssemblyLoadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.PluginId, nameof(request));
        ArgumentException.ThrowIfNullOrEmpty(request.Version, nameof(request));
        ArgumentException.ThrowIfNullOrEmpty(request.SourceDirectory, nameof(request));
        ArgumentException.ThrowIfNullOrEmpty(request.EntryTypeName, nameof(request));
        ArgumentException.ThrowIfNullOrEmpty(request.ShadowRoot, nameof(request));
        ArgumentNullException.ThrowIfNull(request.ExpectedInterface, nameof(request));
        if (!request.ExpectedInterface.IsInterface)
        {
            throw new ArgumentException($"ExpectedInterface must be an interface, not {request.ExpectedInterface.FullName}.", nameof(request));
        }

        if (string.IsNullOrEmpty(request.AssemblyFileName) || Path.GetFileName(request.AssemblyFileName) != request.AssemblyFileName)
        {
            // The manifest schema already forbids folders here; a path would let a plugin load files outside its folder.
            throw new PluginLoadException(request.PluginId, request.Version, PluginLoadFailure.AssemblyNotFound,
                $"assembly '{request.AssemblyFileName}' must be a file name inside the plugin folder, without directories.");
        }

        if (!Directory.Exists(request.SourceDirectory))
        {
            throw new PluginLoadException(request.PluginId, request.Version, PluginLoadFailure.AssemblyNotFound,
                $"plugin folder {request.SourceDirectory} does not exist.");
        }

        if (!File.Exists(Path.Combine(request.SourceDirectory, request.AssemblyFileName)))
        {
            throw new PluginLoadException(request.PluginId, request.Version, PluginLoadFailure.AssemblyNotFound,
                $"assembly {request.AssemblyFileName} not found in {request.SourceDirectory}.");
        }
    }

    private static string CreateShadowCopy(PluginAssemblyLoadRequest request)
    {
        try
        {
            return new ShadowCopier(request.ShadowRoot).Copy(request.PluginId, request.Version, request.SourceDirectory);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new PluginLoadException(request.PluginId, request.Version, PluginLoadFailure.ShadowCopyFailed,
                $"could not copy {request.SourceDirectory} to the shadow folder below {request.ShadowRoot}: {error.Message}", error);
        }
    }

    private static PluginLoadContext CreateContext(PluginAssemblyLoadRequest request, string shadowDirectory)
    {
        try
        {
            return new PluginLoadContext(request.PluginId, request.Version, Path.Combine(shadowDirectory, request.AssemblyFileName), request.AdditionalSharedAssemblyNames);
        }
        catch (InvalidOperationException error)
        {
            throw new PluginLoadException(request.PluginId, request.Version, PluginLoadFailure.AssemblyInvalid, error.Message, error);
        }
    }

    private static Assembly LoadMainAssembly(PluginAssemblyLoadRequest request, PluginLoadContext context)
    {
        try
        {
            return context.LoadMainAssembly();
        }
        catch (BadImageFormatException error)
        {
            throw new PluginLoadException(request.PluginId, request.Version, PluginLoadFailure.AssemblyInvalid,
                $"{request.AssemblyFileName} in {request.SourceDirectory} is not a valid .NET assembly: {error.Message}", error);
        }
        catch (FileLoadException error)
        {
            throw new PluginLoadException(request.PluginId, request.Version, PluginLoadFailure.AssemblyInvalid,
                $"{request.AssemblyFileName} in {request.SourceDirectory} could not be loaded: {error.Message}", error);
        }
    }
}
