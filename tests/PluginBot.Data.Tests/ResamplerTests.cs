using PluginBot.Sdk.Market;

namespace PluginBot.Data.Tests;

/// <summary>The incremental resampler must agree with the batch one and allocate nothing per bar.</summary>
public sealed class ResamplerTests
{
    [Theory]
    [InlineData("binance_btcbusd_minute_trade_20221213_UTC.csv", "5m")]
    [InlineData("binance_btcbusd_minute_trade_20221213_UTC.csv", "1h")]
    [InlineData("coinbase_btcusd_minute_trade_20180404_20180406_UTC.csv", "15m")]
    [InlineData("spy_minute_trade_20131004_20131011_ET.csv", "1h")]
    [InlineData("spy_minute_trade_20131004_20131011_ET.csv", "1d")]
    public void Add_EveryBarOfAFileThenFlush_EqualsTheBatchResampler(string fileName, string target)
    {
        var series = BarFileReader.Read(TestFiles.Path(fileName));
        var interval = BarInterval.Parse(target);
        var resampler = new Resampler(series.Interval, interval);
        var incremental = new List<Bar>();

        foreach (var bar in series.Bars)
        {
            if (resampler.Add(bar, out var completed))
            {
                incremental.Add(completed);
            }
        }

        Assert.True(resampler.Flush(out var last));
        incremental.Add(last);
        Assert.Equal(BarResampler.Resample(series.Bars, interval), incremental);
    }

    [Fact]
    public void Add_BarsOfOneBucket_CompletesNothingUntilTheNextBucketStarts()
    {
        var resampler = new Resampler(BarInterval.OneMinute, BarInterval.Parse("5m"));

        Assert.False(resampler.Add(BarResamplerTests.Minute(0, 10m, 11m, 9m, 10m, 1m), out _));
        Assert.False(resampler.Add(BarResamplerTests.Minute(4, 10m, 13m, 10m, 12m, 1m), out _));
        Assert.True(resampler.Add(BarResamplerTests.Minute(12, 12m, 12m, 12m, 12m, 1m), out var completed));

        Assert.Equal(new Bar("ETHUSDT", BarInterval.Parse("5m"), BarResamplerTests.At(0), 10m, 13m, 9m, 12m, 2m), completed);
        Assert.True(resampler.Flush(out var partial));
        Assert.Equal(BarResamplerTests.At(10), partial.StartTime);
        Assert.False(resampler.Flush(out _));
    }

    [Fact]
    public void Add_BarInABucketAlreadyFlushed_IsRefused()
    {
        var resampler = new Resampler(BarInterval.OneMinute, BarInterval.Parse("5m"));
        resampler.Add(BarResamplerTests.Minute(1, 1m, 1m, 1m, 1m, 1m), out _);
        resampler.Flush(out _);

        var error = Assert.Throws<InvalidOperationException>(() => resampler.Add(BarResamplerTests.Minute(2, 1m, 1m, 1m, 1m, 1m), out _));

        Assert.Contains("Flush already emitted", error.Message);
    }

    [Fact]
    public void Add_BarNotAfterThePrevious_IsRefused()
    {
        var resampler = new Resampler(BarInterval.OneMinute, BarInterval.Parse("5m"));
        resampler.Add(BarResamplerTests.Minute(3, 1m, 1m, 1m, 1m, 1m), out _);

        Assert.Throws<ArgumentException>(() => resampler.Add(BarResamplerTests.Minute(3, 1m, 1m, 1m, 1m, 1m), out _));
    }

    [Fact]
    public void Add_BarOfAnotherInterval_IsRefused()
    {
        var resampler = new Resampler(BarInterval.OneMinute, BarInterval.OneHour);
        var hourBar = BarResamplerTests.Minute(0, 1m, 1m, 1m, 1m, 1m) with { Interval = BarInterval.OneHour };

        Assert.Throws<ArgumentException>(() => resampler.Add(hourBar, out _));
    }

    [Fact]
    public void Constructor_TargetNotAWholeMultiple_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new Resampler(BarInterval.Parse("15m"), BarInterval.Parse("20m")));

    [Fact]
    public void Add_AfterWarmUp_AllocatesNothingPerBar()
    {
        var bars = BarFileReader.Read(TestFiles.Path("binance_btcbusd_minute_trade_20221213_UTC.csv")).Bars;
        var resampler = new Resampler(BarInterval.OneMinute, BarInterval.Parse("15m"));
        var checksum = 0m;
        resampler.Add(bars[0], out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var index = 1; index < bars.Length; index++)
        {
            if (resampler.Add(bars[index], out var completed))
            {
                checksum += completed.Volume;
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(checksum > 0m);
    }
}
