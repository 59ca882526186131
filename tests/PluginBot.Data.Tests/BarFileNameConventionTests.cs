using PluginBot.Sdk.Market;

namespace PluginBot.Data.Tests;

public sealed class BarFileNameConventionTests
{
    [Theory]
    [InlineData("data/binance_btcbusd_minute_trade_20221213_UTC.csv", "BTCBUSD", "1m", "binance")]
    [InlineData("coinbase_btcusd_daily_trade_2014_2018_UTC.csv", "BTCUSD", "1d", "coinbase")]
    [InlineData("binance_btcusdt_hour_trade_20180501_20180505_UTC.csv", "BTCUSDT", "1h", "binance")]
    [InlineData("spy_minute_trade_20131004_20131011_ET.csv", "SPY", "1m", null)]
    [InlineData("spy_daily_raw_1998_2021.csv", "SPY", "1d", null)]
    [InlineData("binance_futures_btcusd_perp_minute_trade_20221213_UTC.csv", "BTCUSD_PERP", "1m", "binance")]
    [InlineData("BTCUSDT-1m-2024-01.csv", "BTCUSDT", "1m", "binance")]
    [InlineData("/archive/ETHBTC-4h-2025-03-17.csv", "ETHBTC", "4h", "binance")]
    public void Infer_KnownFileName_ReturnsSymbolIntervalAndMarket(string path, string symbol, string interval, string? market)
    {
        var facts = BarFileNameConvention.Infer(path);

        Assert.Equal(new BarFileNameFacts(symbol, BarInterval.Parse(interval), market), facts);
    }

    [Fact]
    public void Infer_MonthlyBinanceKlines_KeepsSymbolButNamesNoFixedInterval() =>
        Assert.Equal(new BarFileNameFacts("BTCUSDT", null, "binance"), BarFileNameConvention.Infer("BTCUSDT-1mo-2024-01.csv"));

    [Fact]
    public void Infer_NameWithoutResolutionWord_ReturnsNothing() =>
        Assert.Equal(new BarFileNameFacts(null, null, null), BarFileNameConvention.Infer("spy_factor_file.csv"));
}
