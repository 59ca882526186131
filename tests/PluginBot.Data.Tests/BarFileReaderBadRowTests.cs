namespace PluginBot.Data.Tests;

/// <summary>
/// One test per kind of bad row. Each writes a small file whose line 4 is bad (lines 2 and 3 are good) and checks the
/// error names the file, the exact line and the problem in the <c>path:line: problem</c> shape.
/// </summary>
public sealed class BarFileReaderBadRowTests : IDisposable
{
    private const string Header = "datetime_UTC,open,high,low,close,volume";
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Read_RowWithTooFewColumns_FailsNamingLineAndColumnCount() =>
        AssertLineFourFails("2022-12-13 00:02:00,101,103,100,102", "expected 6 columns (time,open,high,low,close,volume) but found 5");

    [Fact]
    public void Read_RowWithTooManyColumns_FailsNamingLineAndColumnCount() =>
        AssertLineFourFails("2022-12-13 00:02:00,101,103,100,102,5,7", "expected 6 columns (time,open,high,low,close,volume) but found 7");

    [Fact]
    public void Read_NonNumericPrice_FailsNamingTheColumnAndValue() =>
        AssertLineFourFails("2022-12-13 00:02:00,101,abc,100,102,5", "high 'abc' is not a number");

    [Fact]
    public void Read_EmptyVolume_FailsNamingTheColumn() =>
        AssertLineFourFails("2022-12-13 00:02:00,101,103,100,102,", "volume is empty");

    [Fact]
    public void Read_NotANumberClose_FailsAsNotFinite() =>
        AssertLineFourFails("2022-12-13 00:02:00,101,103,100,NaN,5", "close 'NaN' is not a finite number");

    [Fact]
    public void Read_InfiniteVolume_FailsAsNotFinite() =>
        AssertLineFourFails("2022-12-13 00:02:00,101,103,100,102,Infinity", "volume 'Infinity' is not a finite number");

    [Fact]
    public void Read_NumberBeyondDecimalRange_FailsNamingTheColumn() =>
        AssertLineFourFails("2022-12-13 00:02:00,101,103,100,102,1e40", "volume '1e40' is outside the range of decimal");

    [Fact]
    public void Read_ZeroOpen_FailsAsNotPositive() =>
        AssertLineFourFails("2022-12-13 00:02:00,0,103,100,102,5", "open 0 is not a positive price");

    [Fact]
    public void Read_NegativeLow_FailsAsNotPositive() =>
        AssertLineFourFails("2022-12-13 00:02:00,101,103,-100,102,5", "low -100 is not a positive price");

    [Fact]
    public void Read_HighBelowLow_FailsNamingBothValues() =>
        AssertLineFourFails("2022-12-13 00:02:00,102.0,101.5,102.0,101.5,5", "high 101.5 is below low 102.0");

    [Fact]
    public void Read_OpenAboveHigh_FailsAsOutsideTheRange() =>
        AssertLineFourFails("2022-12-13 00:02:00,105,103,100,102,5", "open 105 is outside the bar's range [low 100, high 103]");

    [Fact]
    public void Read_CloseBelowLow_FailsAsOutsideTheRange() =>
        AssertLineFourFails("2022-12-13 00:02:00,101,103,100,99,5", "close 99 is outside the bar's range [low 100, high 103]");

    [Fact]
    public void Read_NegativeVolume_FailsAsNegative() =>
        AssertLineFourFails("2022-12-13 00:02:00,101,103,100,102,-5", "volume -5 is negative");

    [Fact]
    public void Read_UnparsableTime_FailsQuotingTheTimeAndTheExpectedForm() =>
        AssertLineFourFails("2022-12-13 25:00:00,101,103,100,102,5", "time '2022-12-13 25:00:00' is not a time of the form yyyy-MM-dd HH:mm:ss or yyyy-MM-dd");

    [Fact]
    public void Read_TimeBeforeThePreviousBar_FailsNamingThePreviousLine() =>
        AssertLineFourFails(
            "2022-12-13 00:00:30,101,103,100,102,5",
            "time 2022-12-13 00:00:30 UTC is before 2022-12-13 00:01:00 UTC on line 3: bars must be in increasing time order");

    [Fact]
    public void Read_DuplicateTime_FailsNamingThePreviousLine() =>
        AssertLineFourFails("2022-12-13 00:01:00,101,103,100,102,5", "duplicate time 2022-12-13 00:01:00 UTC: line 3 has the same bar start");

    [Fact]
    public void Read_BlankLinesBeforeTheBadRow_CountInTheLineNumber()
    {
        var path = directory.Write("blank_minute_trade_UTC.csv", Header, string.Empty, "2022-12-13 00:00:00,100,102,99,101,10", "2022-12-13 00:01:00,0,1,1,1,1");

        var error = Assert.Throws<MarketDataFormatException>(() => BarFileReader.Read(path));

        Assert.Equal($"{path}:4: open 0 is not a positive price", error.Message);
    }

    [Fact]
    public void Read_GapsInTime_AreNotAnError()
    {
        var path = directory.Write(
            "gaps_minute_trade_UTC.csv",
            Header,
            "2022-12-13 00:00:00,100,102,99,101,10",
            "2022-12-13 00:07:00,101,103,100,102,11",
            "2022-12-14 09:00:00,102,104,101,103,12");

        var series = BarFileReader.Read(path);

        Assert.Equal(3, series.Bars.Length);
        Assert.Equal(new DateTime(2022, 12, 14, 9, 0, 0, DateTimeKind.Utc), series.Bars[2].StartTime);
    }

    private void AssertLineFourFails(string badRow, string expectedProblem)
    {
        var path = directory.Write(
            "bad_minute_trade_UTC.csv",
            Header,
            "2022-12-13 00:00:00,100,102,99,101,10",
            "2022-12-13 00:01:00,101,103,100,102,11",
            badRow,
            "2022-12-13 00:05:00,102,104,101,103,12");

        var error = Assert.Throws<MarketDataFormatException>(() => BarFileReader.Read(path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal(4, error.LineNumber);
        Assert.Equal(expectedProblem, error.Problem);
        Assert.Equal($"{path}:4: {expectedProblem}", error.Message);
        Assert.Contains("bad_minute_trade_UTC.csv:4: ", error.Message);
    }
}
