namespace PluginBot.Sdk.Plugins;

/// <summary>
/// A risk layer an operator can trip by hand (the kill switch): the host's control API finds layers implementing
/// this and engages or releases them. Implementations must be thread-safe, because the operator acts from another
/// thread than the engine's and must not wait for the next event.
/// </summary>
public interface IManualSwitch
{
    /// <summary>True while engaged.</summary>
    bool IsEngaged { get; }

    /// <summary>Why it is engaged, or null.</summary>
    string? Reason { get; }

    /// <summary>Engages: new entries are vetoed until <see cref="Release"/>; reductions still pass.</summary>
    void Engage(string reason);

    /// <summary>Releases a manual engagement.</summary>
    void Release();
}
