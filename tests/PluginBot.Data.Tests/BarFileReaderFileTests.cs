using PluginBot.Sdk.Market;

namespace PluginBot.Data.Tests;

/// <summary>Whole-file behaviour: missing, empty and unrecognised files, number formats, and interval inference.</summary>
public sealed class BarFileReaderFileTests : IDisposable
{
    private const string Header = "datetime_UTC,open,high,low,close,volume";
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Read_MissingFile_ThrowsFileNotFoundNamingThePath()
    {
        var path = directory.PathOf("absent_minute_trade_UTC.csv");

        var error = Assert.Throws<FileNotFoundException>(() => BarFileReader.Read(path));

        Assert.Equal(path, error.FileName);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Read_EmptyFile_FailsNamingTheFile()
    {
        var path = directory.PathOf("empty_minute_trade_UTC.csv");
        File.WriteAllText(path, string.Empty);

        var error = Assert.Throws<MarketDataFormatException>(() => BarFileReader.Read(path));

        Assert.Equal(0, error.LineNumber);
        Assert.StartsWith($"{path}: the file is empty", error.Message);
    }

    [Fact]
    public void Read_HeaderOnly_FailsSayingThereAreNoBars()
    {
        var path = directory.Write("header_minute_trade_UTC.csv", Header);

        var error = Assert.Throws<MarketDataFormatException>(() => BarFileReader.Read(path));

        Assert.Equal($"{path}: the file has no bars after its header", error.Message);
    }

    [Fact]
    public void Read_HeaderWithWrongColumns_FailsOnLineOneQuotingIt()
    {
        var path = directory.Write("columns_minute_trade_UTC.csv", "datetime_UTC,open,high,low,close", "2022-12-13 00:00:00,1,1,1,1");

        var error = Assert.Throws<MarketDataFormatException>(() => BarFileReader.Read(path));

        Assert.Equal(1, error.LineNumber);
        Assert.Contains("found 'datetime_UTC,open,high,low,close'", error.Problem);
    }

    [Fact]
    public void Read_UnknownTimeZoneSuffix_FailsNamingTheSuffix()
    {
        var path = directory.Write("zone_minute_trade_UTC.csv", "datetime_CET,open,high,low,close,volume", "2022-12-13 00:00:00,1,1,1,1,1");

        var error = Assert.Throws<MarketDataFormatException>(() => BarFileReader.Read(path));

        Assert.Equal($"{path}:1: unknown time zone suffix 'CET' in header column 'datetime_CET': expected UTC or ET, or pass BarFileOptions.TimeZone", error.Message);
    }

    [Fact]
    public void Read_FileNameWithoutSymbol_FailsAskingForTheSymbolOption()
    {
        var path = directory.Write("prices.csv", Header, "2022-12-13 00:00:00,1,1,1,1,1", "2022-12-13 00:01:00,1,1,1,1,1");

        var error = Assert.Throws<MarketDataFormatException>(() => BarFileReader.Read(path));

        Assert.Equal($"{path}: cannot infer the symbol from the file name; pass BarFileOptions.Symbol", error.Message);
        Assert.Equal("ETHUSDT", BarFileReader.Read(path, new BarFileOptions(Symbol: "ETHUSDT")).Symbol);
    }

    [Fact]
    public void Read_NoIntervalInTheName_InfersTheSmallestStepBetweenBars()
    {
        var path = directory.Write(
            "prices.csv",
            Header,
            "2022-12-13 00:00:00,1,1,1,1,1",
            "2022-12-13 00:15:00,1,1,1,1,1",
            "2022-12-13 00:20:00,1,1,1,1,1",
            "2022-12-13 01:00:00,1,1,1,1,1");

        var series = BarFileReader.Read(path, new BarFileOptions(Symbol: "ETHUSDT"));

        Assert.Equal(BarInterval.Parse("5m"), series.Interval);
        Assert.All(series.Bars, bar => Assert.Equal(BarInterval.Parse("5m"), bar.Interval));
    }

    [Fact]
    public void Read_SingleBarWithoutNamedInterval_FailsAskingForTheIntervalOption()
    {
        var path = directory.Write("prices.csv", Header, "2022-12-13 00:00:00,1,1,1,1,1");

        var error = Assert.Throws<MarketDataFormatException>(() => BarFileReader.Read(path, new BarFileOptions(Symbol: "ETHUSDT")));

        Assert.Equal($"{path}: cannot infer the bar interval from a single bar; pass BarFileOptions.Interval", error.Message);
    }

    [Fact]
    public void Read_VolumeInExponentNotation_ParsesExactly()
    {
        var path = directory.Write("spy_daily_trade.csv", "date,open,high,low,close,volume", "2021-03-31,395.35,398.0,395.33,396.33,1.156476E+08");

        var bar = Assert.Single(BarFileReader.Read(path, new BarFileOptions(Interval: BarInterval.OneDay)).Bars);

        Assert.Equal(115_647_600m, bar.Volume);
        Assert.Equal(new DateTime(2021, 3, 31, 0, 0, 0, DateTimeKind.Utc), bar.StartTime);
    }

    [Fact]
    public void Read_WindowsLineEndingsAndByteOrderMark_ReadLikeUnixLines()
    {
        var path = directory.PathOf("crlf_minute_trade_UTC.csv");
        File.WriteAllText(path, "\uFEFF" + Header + "\r\n2022-12-13 00:00:00,100,102,99,101,10\r\n2022-12-13 00:01:00,101,103,100,102,11\r\n");

        var series = BarFileReader.Read(path);

        Assert.Equal(2, series.Bars.Length);
        Assert.Equal(11m, series.Bars[1].Volume);
    }
}
