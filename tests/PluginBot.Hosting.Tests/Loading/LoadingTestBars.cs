using PluginBot.Sdk.Market;

namespace PluginBot.Hosting.Tests.Loading;

/// <summary>The bar fixture strategies are asked about; its values do not matter to the constant fixtures.</summary>
internal static class LoadingTestBars
{
    public static readonly Bar Sample = new("BTCUSDT", BarInterval.OneMinute, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), 100m, 101m, 99m, 100.5m, 10m);
}
