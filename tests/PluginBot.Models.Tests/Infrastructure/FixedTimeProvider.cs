namespace PluginBot.Models.Tests.Infrastructure;

/// <summary>A clock that always says the same instant, so registration times are exact in assertions.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
