using System.Reflection;
using System.Reflection.Metadata;
using System.Runtime.CompilerServices;

namespace PluginBot.Hosting.Loading;

/// <summary>
/// Clears the framework's reflection caches (System.Text.Json's type metadata, TypeDescriptor's property caches,
/// the runtime's own type caches) before a plugin context is unloaded. Those caches are static and live in the
/// default context, so a plugin that ever serialized one of its own types would otherwise be held by them forever.
/// The framework exposes the clearing hooks for Hot Reload as <see cref="MetadataUpdateHandlerAttribute"/> types
/// with a static <c>ClearCache(Type[]?)</c>; passing null means "everything".
/// </summary>
internal static class ReflectionCacheCleaner
{
    private const BindingFlags StaticMethods = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>Invokes every non-collectible assembly's cache-clearing handler; returns how many ran without throwing.</summary>
    /// <remarks>
    /// Looked up on every call instead of cached: assemblies such as System.Text.Json may be loaded after the
    /// first unload, and a cache of handler types would be one more static list to reason about.
    /// </remarks>
    public static int ClearCaches()
    {
        var cleared = 0;
        foreach (var handlerType in FindHandlerTypes())
        {
            if (TryInvokeClearCache(handlerType))
            {
                cleared++;
            }
        }

        return cleared;
    }

    /// <summary>
    /// The handler types of the host's (non-collectible) assemblies. A method of its own, so the array of every
    /// loaded assembly (plugins' included) is released before the handlers run: while it is alive it keeps every
    /// plugin assembly in the process reachable, which would delay the unload of other plugins on other threads.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<Type> FindHandlerTypes()
    {
        var handlerTypes = new List<Type>();
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            // Caches inside plugin contexts die with their context; running other plugins' code here would only
            // let a faulty plugin break someone else's unload.
            if (!assembly.IsCollectible)
            {
                handlerTypes.AddRange(GetHandlerTypes(assembly));
            }
        }

        return handlerTypes;
    }

    private static IEnumerable<Type> GetHandlerTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetCustomAttributes<MetadataUpdateHandlerAttribute>().Select(attribute => attribute.HandlerType).ToList();
        }
        catch (Exception error) when (error is TypeLoadException or FileNotFoundException or FileLoadException or CustomAttributeFormatException)
        {
            return [];
        }
    }

    private static bool TryInvokeClearCache(Type handlerType)
    {
        try
        {
            var method = handlerType.GetMethod("ClearCache", StaticMethods, [typeof(Type[])]);
            if (method is null)
            {
                return false;
            }

            method.Invoke(null, [null]);
            return true;
        }
        catch (Exception error) when (error is TargetInvocationException or MemberAccessException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            // A failing handler must not stop the unload; at worst the context stays alive and the unload check says so.
            return false;
        }
    }
}
