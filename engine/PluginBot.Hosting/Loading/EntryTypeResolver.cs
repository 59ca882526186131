using System.Reflection;

namespace PluginBot.Hosting.Loading;

/// <summary>
/// Finds the manifest's entry type in a loaded plugin assembly and checks that the host can construct and use it,
/// so a wrong manifest fails at load time with a message that says what to fix, not later as a cast error.
/// </summary>
internal static class EntryTypeResolver
{
    public static Type Resolve(PluginAssemblyLoadRequest request, Assembly assembly)
    {
        var entryType = FindType(request, assembly);
        var interfaceName = request.ExpectedInterface.FullName;

        if (!entryType.IsVisible)
        {
            throw Invalid(request, $"entry type {entryType.FullName} in {request.AssemblyFileName} is not public; the host can only construct public types.");
        }

        if (entryType.IsAbstract || entryType.IsInterface || entryType.ContainsGenericParameters)
        {
            throw Invalid(request, $"entry type {entryType.FullName} in {request.AssemblyFileName} is abstract, an interface or an open generic; it must be a concrete class implementing {interfaceName}.");
        }

        if (!request.ExpectedInterface.IsAssignableFrom(entryType))
        {
            throw Invalid(request, $"entry type {entryType.FullName} in {request.AssemblyFileName} does not implement {interfaceName}{DescribeLookAlike(request.ExpectedInterface, entryType)}.");
        }

        if (entryType.GetConstructor(BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is null)
        {
            throw Invalid(request, $"entry type {entryType.FullName} in {request.AssemblyFileName} has no public parameterless constructor; settings reach a plugin through Initialize, not its constructor.");
        }

        return entryType;
    }

    private static Type FindType(PluginAssemblyLoadRequest request, Assembly assembly)
    {
        Type? entryType;
        try
        {
            entryType = assembly.GetType(request.EntryTypeName, throwOnError: false);
        }
        catch (Exception error) when (error is TypeLoadException or FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            // These exceptions carry names, not Type objects, so keeping them as the inner exception does not
            // hold the plugin's context alive.
            throw Invalid(request, $"entry type {request.EntryTypeName} in {request.AssemblyFileName} could not be loaded: {error.Message}", error);
        }

        if (entryType is not null)
        {
            return entryType;
        }

        var candidates = DescribeCandidates(request.ExpectedInterface, assembly);
        throw new PluginLoadException(
            request.PluginId,
            request.Version,
            PluginLoadFailure.EntryTypeNotFound,
            $"entry type {request.EntryTypeName} was not found in {request.AssemblyFileName}{candidates}.");
    }

    /// <summary>Names the public types that would have worked, because a typo in entryType is the usual cause.</summary>
    private static string DescribeCandidates(Type expectedInterface, Assembly assembly)
    {
        Type[] exported;
        try
        {
            exported = assembly.GetExportedTypes();
        }
        catch (Exception error) when (error is TypeLoadException or FileNotFoundException or FileLoadException or ReflectionTypeLoadException)
        {
            return string.Empty;
        }

        var names = exported
            .Where(type => !type.IsAbstract && expectedInterface.IsAssignableFrom(type))
            .Select(type => type.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();
        return names.Count == 0
            ? $"; it has no public type implementing {expectedInterface.FullName}"
            : $"; public types implementing {expectedInterface.FullName}: {string.Join(", ", names)}";
    }

    /// <summary>
    /// Explains the classic plugin mistake: the type implements an interface of the same name from a different
    /// assembly copy (the plugin shipped its own SDK, or was built against another SDK), which is not the same type.
    /// </summary>
    private static string DescribeLookAlike(Type expectedInterface, Type entryType)
    {
        var lookAlike = entryType.GetInterfaces().FirstOrDefault(candidate => candidate.FullName == expectedInterface.FullName);
        if (lookAlike is null)
        {
            return string.Empty;
        }

        return $" from the host's {expectedInterface.Assembly.GetName()}; it implements a different copy of it from {lookAlike.Assembly.GetName()}";
    }

    private static PluginLoadException Invalid(PluginAssemblyLoadRequest request, string message, Exception? innerException = null) =>
        new(request.PluginId, request.Version, PluginLoadFailure.EntryTypeInvalid, message, innerException);
}
