using PluginBot.Sdk.Plugins;

namespace PluginBot.Engine.Hosting;

/// <summary>What plugins get instead of the environment's clock: it can be read, never cast back and moved.</summary>
internal sealed class ReadOnlyClock(IClock inner) : IClock
{
    public DateTime UtcNow => inner.UtcNow;
}
