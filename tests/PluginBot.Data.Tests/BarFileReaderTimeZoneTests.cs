namespace PluginBot.Data.Tests;

/// <summary>New York times around daylight-saving changes convert to UTC by the documented, deterministic rules.</summary>
public sealed class BarFileReaderTimeZoneTests : IDisposable
{
    private const string Header = "datetime_ET,open,high,low,close,volume";
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Read_EasternStandardAndDaylightTimes_UseTheOffsetOfTheirDate()
    {
        var path = directory.Write("spy_minute_trade_ET.csv", Header, "2013-01-15 09:30:00,1,1,1,1,1", "2013-07-15 09:30:00,1,1,1,1,1");

        var bars = BarFileReader.Read(path).Bars;

        Assert.Equal(new DateTime(2013, 1, 15, 14, 30, 0, DateTimeKind.Utc), bars[0].StartTime);
        Assert.Equal(new DateTime(2013, 7, 15, 13, 30, 0, DateTimeKind.Utc), bars[1].StartTime);
    }

    [Fact]
    public void Read_TimeSkippedBySpringForward_IsReadWithTheStandardOffset()
    {
        // 2013-03-10 02:00 EST jumped to 03:00 EDT, so 02:30 never showed on New York clocks.
        var path = directory.Write(
            "spy_minute_trade_ET.csv",
            Header,
            "2013-03-10 01:59:00,1,1,1,1,1",
            "2013-03-10 02:30:00,1,1,1,1,1",
            "2013-03-10 03:45:00,1,1,1,1,1");

        var bars = BarFileReader.Read(path).Bars;

        Assert.Equal(new DateTime(2013, 3, 10, 6, 59, 0, DateTimeKind.Utc), bars[0].StartTime);
        Assert.Equal(new DateTime(2013, 3, 10, 7, 30, 0, DateTimeKind.Utc), bars[1].StartTime);
        Assert.Equal(new DateTime(2013, 3, 10, 7, 45, 0, DateTimeKind.Utc), bars[2].StartTime);
    }

    [Fact]
    public void Read_RepeatedFallBackHourListedTwice_TakesDaylightThenStandardOccurrence()
    {
        // 2013-11-03 02:00 EDT fell back to 01:00 EST, so 01:30 happened at 05:30 and again at 06:30 UTC.
        var path = directory.Write(
            "spy_minute_trade_ET.csv",
            Header,
            "2013-11-03 01:30:00,1,1,1,1,1",
            "2013-11-03 01:45:00,1,1,1,1,1",
            "2013-11-03 01:30:00,1,1,1,1,1",
            "2013-11-03 02:00:00,1,1,1,1,1");

        var starts = BarFileReader.Read(path).Bars.Select(bar => bar.StartTime).ToArray();

        Assert.Equal(
            [
                new DateTime(2013, 11, 3, 5, 30, 0, DateTimeKind.Utc),
                new DateTime(2013, 11, 3, 5, 45, 0, DateTimeKind.Utc),
                new DateTime(2013, 11, 3, 6, 30, 0, DateTimeKind.Utc),
                new DateTime(2013, 11, 3, 7, 0, 0, DateTimeKind.Utc),
            ],
            starts);
    }

    [Fact]
    public void Read_RepeatedHourListedOnce_TakesTheDaylightOccurrence()
    {
        var path = directory.Write("spy_minute_trade_ET.csv", Header, "2013-11-03 00:59:00,1,1,1,1,1", "2013-11-03 01:30:00,1,1,1,1,1");

        var bars = BarFileReader.Read(path).Bars;

        Assert.Equal(new DateTime(2013, 11, 3, 5, 30, 0, DateTimeKind.Utc), bars[1].StartTime);
    }
}
