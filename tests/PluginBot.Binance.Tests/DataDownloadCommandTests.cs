using PluginBot.Cli.Commands;
using PluginBot.Data;
using PluginBot.Sdk.Market;

namespace PluginBot.Binance.Tests;

public sealed class DataDownloadCommandTests
{
    [Fact]
    public async Task RunAsync_TwoPagesFromFakeServer_WritesACsvThatBarFileReaderReads()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync();
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        fixture.Server.AddKlines("BTCUSDT", "1m", Enumerable.Range(0, 1500).Select(index => BinanceRestClientTests.Kline(start.AddMinutes(index), 40000m + index)));
        var directory = Directory.CreateTempSubdirectory();
        var path = Path.Combine(directory.FullName, "BTCUSDT-1m-2024-01.csv");
        var output = new StringWriter();
        var error = new StringWriter();
        try
        {
            var exit = await DataDownloadCommand.RunAsync(
                new DataDownloadCommand.DownloadArguments("btcusdt", "1m", "2024-01-01", "2024-01-01T20:00", path, fixture.Server.BaseAddress.ToString(), false),
                output,
                error,
                CancellationToken.None);

            Assert.Equal(0, exit);
            Assert.Equal($"wrote 1200 1m bars of BTCUSDT to {path}", output.ToString().Trim());
            var series = BarFileReader.Read(path);
            Assert.Equal(("BTCUSDT", BarInterval.OneMinute, 1200), (series.Symbol, series.Interval, series.Bars.Length));
            Assert.Equal(new Bar("BTCUSDT", BarInterval.OneMinute, start.AddMinutes(1199), 41198m, 41201m, 41197m, 41199m, 3.5m), series.Bars[^1]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_EndBeforeStart_FailsWithExitCodeTwo()
    {
        var error = new StringWriter();

        var exit = await DataDownloadCommand.RunAsync(new DataDownloadCommand.DownloadArguments("BTCUSDT", "1m", "2024-01-02", "2024-01-01", "x.csv", "http://127.0.0.1:1", false), TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Equal("--to 2024-01-01 must be after --from 2024-01-02", error.ToString().Trim());
    }
}
