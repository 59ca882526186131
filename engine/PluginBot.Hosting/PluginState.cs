namespace PluginBot.Hosting;

/// <summary>Where a plugin folder stands with the host.</summary>
public enum PluginState
{
    /// <summary>Validated, loaded and constructible: compositions can use it.</summary>
    Loaded = 0,

    /// <summary>Not loaded: its manifest is invalid or it was built for an SDK this host does not provide.</summary>
    Refused = 1,

    /// <summary>Loaded far enough to fail: its assembly, entry type or constructor threw. The error keeps the stack.</summary>
    Faulted = 2,

    /// <summary>Its folder was removed or replaced; its load context was released.</summary>
    Unloaded = 3,
}
