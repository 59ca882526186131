using PluginBot.Sdk.Market;

namespace PluginBot.Engine.Tests.Infrastructure;

/// <summary>Builds bars with readable times: minute offsets from a fixed UTC origin.</summary>
internal static class TestBars
{
    public static readonly DateTime Origin = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A one-minute bar starting <paramref name="minute"/> minutes after <see cref="Origin"/>.</summary>
    public static Bar Minute(string symbol, int minute, decimal open, decimal high, decimal low, decimal close, decimal volume = 1_000m) =>
        new(symbol, BarInterval.OneMinute, Origin.AddMinutes(minute), open, high, low, close, volume);

    /// <summary>A one-minute bar where every price equals <paramref name="price"/>.</summary>
    public static Bar Flat(string symbol, int minute, decimal price, decimal volume = 1_000m) =>
        Minute(symbol, minute, price, price, price, price, volume);
}
