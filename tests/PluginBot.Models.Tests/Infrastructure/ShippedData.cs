using PluginBot.Data;

namespace PluginBot.Models.Tests.Infrastructure;

/// <summary>The one day of Binance BTCBUSD minute bars copied into TestData (Lean, Apache-2.0).</summary>
internal static class ShippedData
{
    public static string MinuteBarsPath { get; } =
        Path.Combine(AppContext.BaseDirectory, "TestData", "binance_btcbusd_minute_trade_20221213_UTC.csv");

    public static BarSeries MinuteBars() => BarFileReader.Read(MinuteBarsPath);

    public static string TrainerScript { get; } = Path.Combine(AppContext.BaseDirectory, "training", "train.py");
}
