using PluginBot.Sdk.Market;

namespace PluginBot.Data.Tests;

/// <summary>Reads every shipped market file and pins count, first and last bar to the values in the file (head/tail).</summary>
public sealed class BarFileReaderRealFileTests
{
    // file, bars, symbol, interval, market, first start (UTC), first O H L C V, last start (UTC), last O H L C V
    public static TheoryData<string, int, string, string, string?, string, string[], string, string[]> ShippedFiles => new()
    {
        {
            "binance_btcbusd_minute_trade_20221213_UTC.csv", 1440, "BTCBUSD", "1m", "binance",
            "2022-12-13 00:00:00", ["17212.12", "17216.55", "17208.88", "17208.88", "110.66042"],
            "2022-12-13 23:59:00", ["17779.22", "17784.34", "17776.45", "17777.08", "39.2941"]
        },
        {
            "binance_btcusdt_hour_trade_20180501_20180505_UTC.csv", 120, "BTCUSDT", "1h", "binance",
            "2018-05-01 00:00:00", ["9246.01", "9248.99", "8934.44", "8955.01", "5263.799551"],
            "2018-05-05 23:00:00", ["9849.84", "9888.88", "9832", "9864", "711.450495"]
        },
        {
            "binance_futures_btcusd_perp_minute_trade_20221213_UTC.csv", 1439, "BTCUSD_PERP", "1m", "binance",
            "2022-12-13 00:00:00", ["17204", "17207.6", "17203.9", "17207.6", "4242"],
            "2022-12-13 23:59:00", ["17777.7", "17779.7", "17777.7", "17779.7", "3350"]
        },
        {
            "coinbase_btcusd_daily_trade_2014_2018_UTC.csv", 1318, "BTCUSD", "1d", "coinbase",
            "2014-12-01", ["300", "370", "300", "370", "0.05655554"],
            "2018-08-13", ["6316", "6544.99", "6139.57", "6253.67", "10178.43146644"]
        },
        {
            "coinbase_btcusd_minute_trade_20180404_20180406_UTC.csv", 3887, "BTCUSD", "1m", "coinbase",
            "2018-04-04 00:00:00", ["7424.91", "7424.91", "7422", "7422", "7.14319709"],
            "2018-04-06 23:59:00", ["6621.01", "6621.2", "6619.01", "6619.01", "1.93391536"]
        },
        {
            "spy_daily_raw_1998_2021.csv", 5849, "SPY", "1d", null,
            "1998-01-02", ["97.3100", "97.5300", "96.5300", "97.3600", "2150000"],
            "2021-03-31", ["395.3500", "398.0000", "395.3300", "396.3300", "90673494"]
        },
        {
            "spy_daily_adjusted_1998_2021.csv", 5849, "SPY", "1d", null,
            "1998-01-02", ["63.899643", "64.044108", "63.387448", "63.932476", "2150000"],
            "2021-03-31", ["395.35", "398.0", "395.33", "396.33", "90673494"]
        },
        {
            // Bar starts are New York time in the file: 04:06 EDT is 08:06 UTC, 19:59 EDT is 23:59 UTC.
            "spy_minute_trade_20131004_20131011_ET.csv", 4839, "SPY", "1m", null,
            "2013-10-04 08:06:00", ["167.6500", "167.6500", "167.6500", "167.6500", "20000"],
            "2013-10-11 23:59:00", ["170.4100", "170.4100", "170.4100", "170.4100", "525"]
        },
        {
            "spy_minute_trade_20230803_ET.csv", 947, "SPY", "1m", null,
            "2023-08-03 08:00:00", ["447.9100", "450.4600", "447.8600", "447.9800", "8369"],
            "2023-08-03 23:59:00", ["449.8500", "449.9000", "449.8400", "449.8800", "2984"]
        },
    };

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Read_ShippedMarketFile_ReturnsExactCountSymbolIntervalAndFirstAndLastBar(
        string fileName,
        int count,
        string symbol,
        string interval,
        string? market,
        string firstStart,
        string[] first,
        string lastStart,
        string[] last)
    {
        var series = BarFileReader.Read(TestFiles.Path(fileName));

        Assert.Equal(count, series.Bars.Length);
        Assert.Equal(count + 1, series.LinesRead);
        Assert.Equal(0, series.SkippedRows);
        Assert.Empty(series.SkippedRowReasons);
        Assert.Equal(symbol, series.Symbol);
        Assert.Equal(BarInterval.Parse(interval), series.Interval);
        Assert.Equal(market, series.Market);
        Assert.Equal(TestFiles.Path(fileName), series.SourcePath);
        AssertBar(series.Bars[0], symbol, interval, firstStart, first);
        AssertBar(series.Bars[^1], symbol, interval, lastStart, last);
        Assert.All(series.Bars, bar => Assert.Equal(DateTimeKind.Utc, bar.StartTime.Kind));
    }

    [Fact]
    public void Read_EasternTimeMinuteFile_ConvertsFourOhSixEasternToEightOhSixUtc()
    {
        var series = BarFileReader.Read(TestFiles.Path("spy_minute_trade_20131004_20131011_ET.csv"));

        Assert.Equal(new DateTime(2013, 10, 4, 8, 6, 0, DateTimeKind.Utc), series.Bars[0].StartTime);
        Assert.Equal(new DateTime(2013, 10, 4, 8, 9, 0, DateTimeKind.Utc), series.Bars[1].StartTime);
    }

    [Fact]
    public void Read_TimeZoneOption_OverridesTheHeaderZone()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var series = BarFileReader.Read(
            TestFiles.Path("binance_btcbusd_minute_trade_20221213_UTC.csv"),
            new BarFileOptions(TimeZone: newYork));

        // December is standard time in New York (UTC-5).
        Assert.Equal(new DateTime(2022, 12, 13, 5, 0, 0, DateTimeKind.Utc), series.Bars[0].StartTime);
    }

    [Fact]
    public void Read_SymbolAndIntervalOptions_OverrideTheFileName()
    {
        var series = BarFileReader.Read(
            TestFiles.Path("binance_btcusdt_hour_trade_20180501_20180505_UTC.csv"),
            new BarFileOptions(Symbol: "XBTUSD", Interval: BarInterval.Parse("2h")));

        Assert.Equal("XBTUSD", series.Symbol);
        Assert.Equal(BarInterval.Parse("2h"), series.Interval);
        Assert.All(series.Bars, bar => Assert.Equal("XBTUSD", bar.Symbol));
    }

    [Fact]
    public void Read_FactorFile_FailsSayingItIsNotABarFile()
    {
        var path = TestFiles.Path("spy_factor_file.csv");

        var error = Assert.Throws<MarketDataFormatException>(() => BarFileReader.Read(path));

        Assert.Equal(1, error.LineNumber);
        Assert.StartsWith($"{path}:1: not a bar file", error.Message);
        Assert.Contains("19980102,0.6566606,1,1", error.Message);
    }

    private static void AssertBar(Bar bar, string symbol, string interval, string start, string[] values)
    {
        Assert.Equal(
            new Bar(
                symbol,
                BarInterval.Parse(interval),
                TestFiles.Utc(start),
                TestFiles.Decimal(values[0]),
                TestFiles.Decimal(values[1]),
                TestFiles.Decimal(values[2]),
                TestFiles.Decimal(values[3]),
                TestFiles.Decimal(values[4])),
            bar);
    }
}
