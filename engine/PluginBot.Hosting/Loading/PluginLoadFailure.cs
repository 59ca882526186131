namespace PluginBot.Hosting.Loading;

/// <summary>
/// Why a plugin could not be loaded or constructed. The host reports the message to the user, but decides what
/// to do from this value: a missing file may be a half-copied folder worth retrying, a wrong entry type never is.
/// </summary>
public enum PluginLoadFailure
{
    /// <summary>The plugin folder or its assembly file does not exist.</summary>
    AssemblyNotFound,

    /// <summary>The assembly file exists but is not a loadable .NET assembly (corrupt, native, wrong format).</summary>
    AssemblyInvalid,

    /// <summary>The plugin folder could not be copied to its shadow folder (disk full, permissions, changed while copying).</summary>
    ShadowCopyFailed,

    /// <summary>The plugin was built against a version of a shared assembly (the SDK) that the host cannot provide.</summary>
    SharedAssemblyIncompatible,

    /// <summary>The entry type named in the manifest does not exist in the assembly.</summary>
    EntryTypeNotFound,

    /// <summary>The entry type exists but cannot serve as the plugin: not public, abstract, wrong interface or no public parameterless constructor.</summary>
    EntryTypeInvalid,

    /// <summary>The entry type's constructor (or its static initialiser) threw.</summary>
    ConstructorFailed,
}
