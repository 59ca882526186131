namespace PluginBot.Engine.Hosting;

/// <summary>Whether a slot's current plugin is trusted, and if not, what it did.</summary>
public enum PluginHealth
{
    /// <summary>Running normally.</summary>
    Healthy = 0,

    /// <summary>Threw; the engine substitutes the safe behaviour of its kind until it is swapped.</summary>
    Faulted = 1,
}
