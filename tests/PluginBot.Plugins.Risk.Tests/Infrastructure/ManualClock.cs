using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.Risk.Tests.Infrastructure;

/// <summary>A clock the test moves by hand, so day boundaries can be crossed exactly.</summary>
internal sealed class ManualClock : IClock
{
    public DateTime UtcNow { get; set; } = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
}
