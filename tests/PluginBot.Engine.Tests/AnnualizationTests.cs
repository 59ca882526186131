using PluginBot.Engine.Backtest;
using PluginBot.Sdk.Market;

namespace PluginBot.Engine.Tests;

public sealed class AnnualizationTests
{
    [Theory]
    [InlineData("crypto", "1m", 525_960.0)] // 365.25 days × 1,440 minutes
    [InlineData("crypto", "1h", 8_766.0)] // 365.25 × 24
    [InlineData("crypto", "1d", 365.25)]
    [InlineData("equity", "1m", 98_280.0)] // 252 sessions × 390 minutes
    [InlineData("equity", "1d", 252.0)]
    [InlineData("equity", "1w", 36.0)] // 252 / 7
    [InlineData("1000", "1m", 1_000.0)]
    public void PeriodsPerYear_PresetOrNumber_CountsTradingTime(string annualization, string interval, double expected)
    {
        var periods = Annualization.Parse(annualization).PeriodsPerYear(BarInterval.Parse(interval));

        Assert.Equal(expected, periods, 9);
    }

    [Theory]
    [InlineData("weekly")]
    [InlineData("-5")]
    [InlineData("0")]
    public void Parse_NeitherPresetNorPositiveNumber_NamesWhatWasExpected(string text)
    {
        var error = Assert.Throws<FormatException>(() => Annualization.Parse(text));

        Assert.Contains("crypto, equity or a positive number", error.Message);
    }
}
