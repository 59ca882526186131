namespace PluginBot.Data.Tests;

/// <summary>Under <see cref="BadRowPolicy.Skip"/> bad rows are dropped, counted and explained instead of failing the read.</summary>
public sealed class BarFileReaderSkipPolicyTests : IDisposable
{
    private const string Header = "datetime_UTC,open,high,low,close,volume";
    private static readonly BarFileOptions Skip = new(OnBadRow: BadRowPolicy.Skip);
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Read_SkipPolicy_DropsBadRowsAndRecordsTheirLinesAndReasons()
    {
        var path = directory.Write(
            "dirty_minute_trade_UTC.csv",
            Header,
            "2022-12-13 00:00:00,100,102,99,101,10",
            "2022-12-13 00:01:00,101,100,102,101,11",
            "2022-12-13 00:02:00,101,103,100,102,x",
            "2022-12-13 00:03:00,101,103,100,102,12",
            "2022-12-13 00:03:00,101,103,100,102,13",
            "2022-12-13 00:04:00,101,103,100,102,14");

        var series = BarFileReader.Read(path, Skip);

        Assert.Equal(3, series.SkippedRows);
        Assert.Equal(
            [
                new SkippedRow(3, "high 100 is below low 102"),
                new SkippedRow(4, "volume 'x' is not a number"),
                new SkippedRow(6, "duplicate time 2022-12-13 00:03:00 UTC: line 5 has the same bar start"),
            ],
            series.SkippedRowReasons);
        Assert.Equal([10m, 12m, 14m], series.Bars.Select(bar => bar.Volume));
        Assert.Equal(7, series.LinesRead);
    }

    [Fact]
    public void Read_SkipPolicy_ComparesOrderAgainstTheLastKeptRow()
    {
        // Line 3 is skipped for its price, so line 4's time is compared with line 2, the last bar kept.
        var path = directory.Write(
            "order_minute_trade_UTC.csv",
            Header,
            "2022-12-13 00:05:00,100,102,99,101,10",
            "2022-12-13 00:06:00,0,102,99,101,10",
            "2022-12-13 00:04:00,100,102,99,101,10");

        var series = BarFileReader.Read(path, Skip);

        Assert.Single(series.Bars);
        Assert.Equal(
            new SkippedRow(4, "time 2022-12-13 00:04:00 UTC is before 2022-12-13 00:05:00 UTC on line 2: bars must be in increasing time order"),
            series.SkippedRowReasons[1]);
    }

    [Fact]
    public void Read_SkipPolicyWhenEveryRowIsBad_FailsNamingTheFirstReason()
    {
        var path = directory.Write("allbad_minute_trade_UTC.csv", Header, "2022-12-13 00:05:00,0,1,1,1,1", "2022-12-13 00:06:00,1,1,1,1,-1");

        var error = Assert.Throws<MarketDataFormatException>(() => BarFileReader.Read(path, Skip));

        Assert.Equal($"{path}: the file has no valid bars: all 2 rows were skipped (first: line 2: open 0 is not a positive price)", error.Message);
    }

    [Fact]
    public void Read_SkipPolicyWithManyBadRows_CountsAllButKeepsTheFirstHundredReasons()
    {
        var lines = new List<string> { Header, "2022-12-13 00:00:00,100,102,99,101,10" };
        for (var minute = 1; minute <= 150; minute++)
        {
            lines.Add($"2022-12-13 {minute / 60:00}:{minute % 60:00}:00,100,102,99,101,-1");
        }

        var path = directory.Write("many_minute_trade_UTC.csv", [.. lines]);

        var series = BarFileReader.Read(path, Skip);

        Assert.Single(series.Bars);
        Assert.Equal(150, series.SkippedRows);
        Assert.Equal(BarFileReader.MaximumRecordedSkippedRows, series.SkippedRowReasons.Count);
        Assert.Equal(new SkippedRow(3, "volume -1 is negative"), series.SkippedRowReasons[0]);
        Assert.Equal(102, series.SkippedRowReasons[^1].LineNumber);
    }

    [Fact]
    public void Read_FailPolicyOnTheSameFile_StopsAtTheFirstBadRow()
    {
        var path = directory.Write(
            "dirty_minute_trade_UTC.csv",
            Header,
            "2022-12-13 00:00:00,100,102,99,101,10",
            "2022-12-13 00:01:00,101,100,102,101,11",
            "2022-12-13 00:02:00,101,103,100,102,x");

        var error = Assert.Throws<MarketDataFormatException>(() => BarFileReader.Read(path));

        Assert.Equal(3, error.LineNumber);
    }
}
