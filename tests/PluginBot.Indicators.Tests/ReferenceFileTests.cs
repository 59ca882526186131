using PluginBot.Indicators.Tests.Infrastructure;

namespace PluginBot.Indicators.Tests;

/// <summary>The reader must parse every quirk of Lean's files, or the reference tests would test the wrong thing.</summary>
public sealed class ReferenceFileTests
{
    [Theory]
    [InlineData("1/16/2013 12:00:00 AM", 2013, 1, 16, 0, 0)]
    [InlineData("04/28/2014 12:00:00 AM", 2014, 4, 28, 0, 0)]
    [InlineData("2/11/2009", 2009, 2, 11, 0, 0)]
    [InlineData("1988-02-29", 1988, 2, 29, 0, 0)]
    [InlineData("2019-09-27 12:00:00 AM", 2019, 9, 27, 0, 0)]
    [InlineData("19980102 00:00", 1998, 1, 2, 0, 0)]
    [InlineData("1/16/2013 4:30:00 PM", 2013, 1, 16, 16, 30)]
    [InlineData("725898600", 1993, 1, 1, 14, 30)]
    public void ParseTime_EveryFormatInTheFiles_GivesTheUtcInstant(string text, int year, int month, int day, int hour, int minute)
    {
        var time = ReferenceRow.ParseTime(text);

        Assert.Equal(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc), time);
        Assert.Equal(DateTimeKind.Utc, time.Kind);
    }

    [Fact]
    public void Load_FileWithByteOrderMark_FindsTheFirstColumnByName()
    {
        var file = ReferenceFile.Load("spy_logr14.txt");

        Assert.True(file.HasColumn("date"));
        Assert.Equal(new DateTime(2013, 8, 30, 0, 0, 0, DateTimeKind.Utc), file.Rows[0].Time);
    }

    [Fact]
    public void Number_EmptyNaNAndExponentCells_ParseAsLeanDoes()
    {
        var ema = ReferenceFile.Load("spy_ema.csv");
        Assert.Null(ema.Rows[0].Number("EMA14"));
        Assert.Equal(43.938, ema.Rows[0].Required("close"));

        var mfi = ReferenceFile.Load("spy_mfi.txt");
        Assert.Null(mfi.Rows[0].Number("money flow index 20"));
        Assert.Equal(1.228057e8, mfi.Rows[0].Bar.Volume);
    }

    [Fact]
    public void Load_TrailingSpaceInHeader_IsTrimmed()
    {
        var file = ReferenceFile.Load("spy_with_obv.txt");

        Assert.Equal(-2.28908e7, file.Rows[1].Number("OBV"));
    }

    [Fact]
    public void Bar_FileWithoutVolumeColumn_HasZeroVolume()
    {
        var bar = ReferenceFile.Load("spy_atr.txt").Rows[0].Bar;

        Assert.Equal(new BarSample(new DateTime(2013, 1, 16, 0, 0, 0, DateTimeKind.Utc), 146.77, 147.28, 146.61, 147.05, 0), bar);
    }

    [Theory]
    [InlineData("spy_ema.csv")]
    [InlineData("spy_hurst_exponent.csv")]
    [InlineData("spy_with_adx.txt")]
    [InlineData("spy_with_macd.txt")]
    [InlineData("spy_cmf.txt")]
    [InlineData("spy_with_vwap.txt")]
    [InlineData("spy_with_indicators.txt")]
    public void Time_EveryRow_ParsesAndIncreases(string fileName)
    {
        var rows = ReferenceFile.Load(fileName).Rows;
        for (var index = 1; index < rows.Count; index++)
        {
            Assert.True(rows[index].Time > rows[index - 1].Time, $"{fileName} line {rows[index].LineNumber}");
        }
    }
}
