using PluginBot.Data;
using PluginBot.Sdk.Market;

namespace PluginBot.Onnx.Tests.Infrastructure;

/// <summary>1,439 real one-minute BTCBUSD bars of 2022-12-13 (TestData, from QuantConnect Lean, Apache-2.0).</summary>
internal static class MarketData
{
    private static readonly Lazy<Bar[]> Bars = new(() => BarFileReader.Read(TestFiles.Path("binance_btcbusd_minute_trade_20221213_UTC.csv")).Bars);

    public static Bar[] BitcoinMinutes() => (Bar[])Bars.Value.Clone();
}
