using PluginBot.Data;
using PluginBot.Sdk.Market;

namespace PluginBot.Plugins.RegimeOnnx.Tests.Infrastructure;

/// <summary>The one day of Binance BTCBUSD minute bars copied into TestData (Lean, Apache-2.0).</summary>
internal static class ShippedData
{
    public static string MinuteBarsPath { get; } =
        Path.Combine(AppContext.BaseDirectory, "TestData", "binance_btcbusd_minute_trade_20221213_UTC.csv");

    public static string TrainerScript { get; } = Path.Combine(AppContext.BaseDirectory, "training", "train.py");

    public static Bar[] MinuteBars() => BarFileReader.Read(MinuteBarsPath).Bars;
}
