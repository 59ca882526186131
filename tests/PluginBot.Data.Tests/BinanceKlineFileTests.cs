using PluginBot.Sdk.Market;

namespace PluginBot.Data.Tests;

/// <summary>
/// Binance kline archives, written from the example rows of binance-public-data's README: USD-M and COIN-M futures
/// rows in epoch milliseconds, the 2025 spot row in epoch microseconds.
/// </summary>
public sealed class BinanceKlineFileTests : IDisposable
{
    private const string SpotMicrosecondRow =
        "1735689600000000,4.15070000,4.15870000,4.15060000,4.15540000,539.23000000,1735693199999999,2240.39860900,13,401.82000000,1669.98121300,0";

    private const string CoinFuturesMillisecondRow =
        "1591258320000,9640.7,9642.4,9640.6,9642.0,206,1591258379999,2.13660389,48,119,1.23424865,0";

    private const string UsdFuturesMillisecondRow =
        "1499040000000,0.01634790,0.80000000,0.01575800,0.01577100,148976.11427815,1499644799999,2434.19055334,308,1756.87402397,28.46694368,17928899.62484339";

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Read_SpotKlinesInMicroseconds_ReturnsUtcBarAndHourIntervalFromCloseTime()
    {
        var path = directory.Write("klines.csv", SpotMicrosecondRow);

        var series = BarFileReader.Read(path, new BarFileOptions(Symbol: "ADABKRW"));

        var bar = Assert.Single(series.Bars);
        Assert.Equal(
            new Bar("ADABKRW", BarInterval.OneHour, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), 4.15070000m, 4.15870000m, 4.15060000m, 4.15540000m, 539.23000000m),
            bar);
        Assert.Equal(DateTimeKind.Utc, bar.StartTime.Kind);
        Assert.Null(series.Market);
    }

    [Fact]
    public void Read_CoinFuturesKlinesInMilliseconds_ReturnsMinuteBarsInOrder()
    {
        var path = directory.Write(
            "BTCUSD_PERP-1m-2020-06.csv",
            CoinFuturesMillisecondRow,
            "1591258380000,9642.0,9643.1,9641.9,9643.0,150,1591258439999,1.55,30,80,0.83,0");

        var series = BarFileReader.Read(path);

        Assert.Equal("BTCUSD_PERP", series.Symbol);
        Assert.Equal("binance", series.Market);
        Assert.Equal(BarInterval.OneMinute, series.Interval);
        Assert.Equal(
            [new DateTime(2020, 6, 4, 8, 12, 0, DateTimeKind.Utc), new DateTime(2020, 6, 4, 8, 13, 0, DateTimeKind.Utc)],
            series.Bars.Select(bar => bar.StartTime));
        Assert.Equal(9642.0m, series.Bars[0].Close);
        Assert.Equal(206m, series.Bars[0].Volume);
    }

    [Fact]
    public void Read_WeeklyKlineWithoutIntervalInName_InfersTheWeekFromCloseTime()
    {
        var path = directory.Write("klines.csv", UsdFuturesMillisecondRow);

        var series = BarFileReader.Read(path, new BarFileOptions(Symbol: "ETHBTC"));

        Assert.Equal(BarInterval.Parse("1w"), series.Interval);
        Assert.Equal(new DateTime(2017, 7, 3, 0, 0, 0, DateTimeKind.Utc), series.Bars[0].StartTime);
        Assert.Equal(148976.11427815m, series.Bars[0].Volume);
    }

    [Fact]
    public void Read_KlinesWithHeaderLine_SkipsTheHeader()
    {
        var path = directory.Write(
            "BTCUSDT-1m-2024-01.csv",
            "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore",
            "1704067200000,42283.58,42298.62,42261.02,42298.61,35.92724,1704067259999,1519032.32,1327,20.1,850000.1,0");

        var series = BarFileReader.Read(path);

        Assert.Equal("BTCUSDT", series.Symbol);
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), Assert.Single(series.Bars).StartTime);
        Assert.Equal(2, series.LinesRead);
    }

    [Fact]
    public void Read_KlineRowWithMissingColumn_FailsNamingLineAndCounts()
    {
        var path = directory.Write(
            "BTCUSD_PERP-1m-2020-06.csv",
            CoinFuturesMillisecondRow,
            "1591258380000,9642.0,9643.1,9641.9,9643.0,150,1591258439999,1.55,30,80,0.83");

        var error = Assert.Throws<MarketDataFormatException>(() => BarFileReader.Read(path));

        Assert.Equal($"{path}:2: expected 12 columns like the first row but found 11", error.Message);
    }

    [Fact]
    public void Read_KlineOpenTimeNotAnEpoch_FailsNamingTheValue()
    {
        var path = directory.Write(
            "BTCUSD_PERP-1m-2020-06.csv",
            CoinFuturesMillisecondRow,
            "2020-06-04 08:13,9642.0,9643.1,9641.9,9643.0,150,1591258439999,1.55,30,80,0.83,0");

        var error = Assert.Throws<MarketDataFormatException>(() => BarFileReader.Read(path));

        Assert.Equal($"{path}:2: open time '2020-06-04 08:13' is not a Unix epoch time in milliseconds or microseconds", error.Message);
    }

    [Fact]
    public void Read_KlineWithHighBelowLow_FailsLikeTheOhlcvLayout()
    {
        var path = directory.Write("BTCUSD_PERP-1m-2020-06.csv", "1591258320000,9640.7,9640.0,9640.6,9640.6,206,1591258379999,2.1,48,119,1.2,0");

        var error = Assert.Throws<MarketDataFormatException>(() => BarFileReader.Read(path));

        Assert.Equal($"{path}:1: high 9640.0 is below low 9640.6", error.Message);
    }

    [Fact]
    public void Read_SixColumnKlines_AreAcceptedWithoutCloseTime()
    {
        var path = directory.Write("klines.csv", "1704067200000,10,11,9,10.5,3", "1704067260000,10.5,12,10,11,4");

        var series = BarFileReader.Read(path, new BarFileOptions(Symbol: "BTCUSDT"));

        Assert.Equal(BarInterval.OneMinute, series.Interval);
        Assert.Equal(2, series.Bars.Length);
    }
}
