using System.Globalization;

namespace PluginBot.Binance.Tests;

/// <summary>Closed one-minute BTCUSDT kline payloads, shaped like the recorded Binance kline event, with a chosen open time.</summary>
internal static class MarketKlines
{
    public const string Stream = "btcusdt@kline_1m";

    public static readonly DateTime FirstOpen = new(2024, 3, 5, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>The closed kline opening <paramref name="minute"/> minutes after <see cref="FirstOpen"/>.</summary>
    public static string Closed(int minute)
    {
        var open = new DateTimeOffset(FirstOpen.AddMinutes(minute)).ToUnixTimeMilliseconds();
        var close = open + 59_999;
        var price = (50000 + minute).ToString(CultureInfo.InvariantCulture);
        return "{\"e\":\"kline\",\"E\":" + (close + 1).ToString(CultureInfo.InvariantCulture)
            + ",\"s\":\"BTCUSDT\",\"k\":{\"t\":" + open.ToString(CultureInfo.InvariantCulture)
            + ",\"T\":" + close.ToString(CultureInfo.InvariantCulture)
            + ",\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":100,\"L\":200,\"o\":\"50000.00\",\"h\":\"50100.00\",\"l\":\"49900.00\",\"c\":\"" + price
            + ".00\",\"v\":\"12.5\",\"n\":100,\"x\":true,\"q\":\"625000.0\",\"V\":\"6.0\",\"Q\":\"300000.0\",\"B\":\"0\"}}";
    }
}
