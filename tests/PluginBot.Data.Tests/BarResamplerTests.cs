using PluginBot.Sdk.Market;

namespace PluginBot.Data.Tests;

/// <summary>Batch resampling checked against buckets summed by hand from the shipped BTCBUSD minute file.</summary>
public sealed class BarResamplerTests
{
    private static readonly BarInterval FiveMinutes = BarInterval.Parse("5m");

    private static BarSeries BitcoinBusdMinutes => BarFileReader.Read(TestFiles.Path("binance_btcbusd_minute_trade_20221213_UTC.csv"));

    [Fact]
    public void Resample_MinutesIntoFiveMinutes_FirstBucketMatchesHandComputedValues()
    {
        var bars = BarResampler.Resample(BitcoinBusdMinutes.Bars, FiveMinutes);

        // Minutes 00:00-00:04: open of 00:00, max high 17241.1 (00:02), min low 17208.25 (00:04), close of 00:04,
        // volume 110.66042 + 147.61285 + 227.11544 + 127.27688 + 111.88474.
        Assert.Equal(288, bars.Length);
        Assert.Equal(
            new Bar("BTCBUSD", FiveMinutes, new DateTime(2022, 12, 13, 0, 0, 0, DateTimeKind.Utc), 17212.12m, 17241.1m, 17208.25m, 17209.5m, 724.55033m),
            bars[0]);
        Assert.Equal(
            new Bar("BTCBUSD", FiveMinutes, new DateTime(2022, 12, 13, 23, 55, 0, DateTimeKind.Utc), 17771.09m, 17784.34m, 17764.97m, 17777.08m, 186.75648m),
            bars[^1]);
    }

    [Fact]
    public void Resample_MinutesIntoHours_FirstAndLastBucketsMatchSumsOfSixtyMinutes()
    {
        var bars = BarResampler.Resample(BitcoinBusdMinutes.Bars, BarInterval.OneHour);

        Assert.Equal(24, bars.Length);
        Assert.Equal(
            new Bar("BTCBUSD", BarInterval.OneHour, new DateTime(2022, 12, 13, 0, 0, 0, DateTimeKind.Utc), 17212.12m, 17241.1m, 17148.23m, 17160.67m, 5497.48505m),
            bars[0]);
        Assert.Equal(
            new Bar("BTCBUSD", BarInterval.OneHour, new DateTime(2022, 12, 13, 23, 0, 0, DateTimeKind.Utc), 17775.63m, 17817.89m, 17743.79m, 17777.08m, 3322.85514m),
            bars[^1]);
        Assert.Equal(BitcoinBusdMinutes.Bars.Sum(bar => bar.Volume), bars.Sum(bar => bar.Volume));
    }

    [Fact]
    public void Resample_MinutesIntoOneDay_EqualsTheWholeFile()
    {
        var minutes = BitcoinBusdMinutes.Bars;

        var day = Assert.Single(BarResampler.Resample(minutes, BarInterval.OneDay));

        Assert.Equal(minutes[0].Open, day.Open);
        Assert.Equal(minutes.Max(bar => bar.High), day.High);
        Assert.Equal(minutes.Min(bar => bar.Low), day.Low);
        Assert.Equal(minutes[^1].Close, day.Close);
    }

    [Fact]
    public void Resample_HoursWithoutTrades_ProduceNoBars()
    {
        // The Coinbase file has no minute between 2018-04-04 16:47 and 2018-04-05 00:00.
        var minutes = BarFileReader.Read(TestFiles.Path("coinbase_btcusd_minute_trade_20180404_20180406_UTC.csv")).Bars;

        var hours = BarResampler.Resample(minutes, BarInterval.OneHour);

        var afternoon = Array.FindIndex(hours, bar => bar.StartTime == new DateTime(2018, 4, 4, 16, 0, 0, DateTimeKind.Utc));
        Assert.Equal(new DateTime(2018, 4, 5, 0, 0, 0, DateTimeKind.Utc), hours[afternoon + 1].StartTime);
        Assert.Equal(72 - 7, hours.Length);
    }

    [Fact]
    public void Resample_SparseHandWrittenBars_KeepsGapsAndAlignsBucketsToTheEpoch()
    {
        var bars = new[]
        {
            Minute(3, 10m, 12m, 9m, 11m, 1m),
            Minute(4, 11m, 11.5m, 10m, 10.5m, 2m),
            Minute(17, 20m, 21m, 19m, 20.5m, 3m),
        };

        var resampled = BarResampler.Resample(bars, FiveMinutes);

        Assert.Equal(
            [
                new Bar("ETHUSDT", FiveMinutes, At(0), 10m, 12m, 9m, 10.5m, 3m),
                new Bar("ETHUSDT", FiveMinutes, At(15), 20m, 21m, 19m, 20.5m, 3m),
            ],
            resampled);
    }

    [Fact]
    public void Resample_IntervalNotAWholeMultiple_IsRefused()
    {
        var hours = BarFileReader.Read(TestFiles.Path("binance_btcusdt_hour_trade_20180501_20180505_UTC.csv"));

        var error = Assert.Throws<ArgumentException>(() => BarResampler.Resample(hours, BarInterval.Parse("90m")));

        Assert.StartsWith("Cannot resample 1h bars into 90m bars: 90m is not a whole multiple of 1h.", error.Message);
        Assert.Throws<ArgumentException>(() => BarResampler.Resample(hours.Bars, BarInterval.Parse("30m")));
    }

    [Fact]
    public void Resample_UnsortedBars_AreRefusedNamingTheBar()
    {
        var bars = new[] { Minute(4, 1m, 1m, 1m, 1m, 1m), Minute(3, 1m, 1m, 1m, 1m, 1m) };

        var error = Assert.Throws<ArgumentException>(() => BarResampler.Resample(bars, FiveMinutes));

        Assert.Contains("bar 1 starts at 2022-12-13 00:03:00, not after bar 0 at 2022-12-13 00:04:00", error.Message);
    }

    [Fact]
    public void Resample_Series_KeepsSourceAndMarketAndTakesTheNewInterval()
    {
        var minutes = BitcoinBusdMinutes;

        var hours = BarResampler.Resample(minutes, BarInterval.OneHour);

        Assert.Equal((minutes.Symbol, minutes.SourcePath, minutes.Market), (hours.Symbol, hours.SourcePath, hours.Market));
        Assert.Equal(BarInterval.OneHour, hours.Interval);
        Assert.Equal(24, hours.Bars.Length);
    }

    internal static DateTime At(int minute) => new DateTime(2022, 12, 13, 0, 0, 0, DateTimeKind.Utc).AddMinutes(minute);

    internal static Bar Minute(int minute, decimal open, decimal high, decimal low, decimal close, decimal volume) =>
        new("ETHUSDT", BarInterval.OneMinute, At(minute), open, high, low, close, volume);
}
