using PluginBot.Plugins.Risk.DailyLoss;
using PluginBot.Plugins.Risk.Tests.Infrastructure;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Plugins;
using static PluginBot.Plugins.Risk.Tests.Infrastructure.RiskContext;

namespace PluginBot.Plugins.Risk.Tests;

// Unless a case says otherwise: equity at 00:00 UTC 10,000 and the default limit 3 %, so the day halts at a loss of 300.
public sealed class DailyLossRiskManagerTests
{
    private static readonly DateTime Day1Noon = new(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Day2Midnight = new(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc);

    private readonly FakePortfolio portfolio = new() { Equity = 10_000m, EquityAtDayStart = 10_000m };
    private readonly ManualClock clock = new() { UtcNow = Day1Noon };

    private DailyLossRiskManager Layer(string settings = "{}") => Initialized<DailyLossRiskManager>(portfolio, settings, clock);

    [Fact]
    public void Initialize_NoSettings_LimitsTheDailyLossToThreePercent()
    {
        var layer = Layer();

        Assert.Equal(0.03m, layer.MaximumDailyLoss);
        Assert.Equal(RiskState.Active, layer.State);
    }

    [Fact]
    public void Assess_LossJustBelowTheLimit_Approves()
    {
        // Loss 299.99 < 300.
        var layer = Layer();
        portfolio.Equity = 9_700.01m;
        layer.Observe(HourBarEndingAt(Day1Noon));

        Assert.Equal(RiskState.Active, layer.State);
        Assert.Equal(RiskVerdict.Approve, layer.Assess(Buy(0.01m, 100_000m)).Verdict);
    }

    [Fact]
    public void Observe_LossReachesTheLimit_HaltsAndVetoesNewEntriesButNotReductions()
    {
        // Loss 10,000 − 9,700 = 300 = 3 % × 10,000: the limit is reached.
        var layer = Layer();
        portfolio.Equity = 9_700m;
        layer.Observe(HourBarEndingAt(Day1Noon));

        Assert.Equal(RiskState.Halted, layer.State);
        var veto = layer.Assess(Buy(0.01m, 100_000m));
        Assert.Equal(RiskVerdict.Veto, veto.Verdict);
        Assert.Contains("daily loss 300.00 reached the daily loss limit of", veto.Reason);
        Assert.Contains("day-start equity 10000.00 = 300.00", veto.Reason);
        Assert.Contains("halted until 00:00 UTC after 2024-01-01", veto.Reason);
        Assert.Equal(RiskVerdict.Veto, layer.Assess(Sell(0.03m, 100_000m, currentPosition: 0.01m)).Verdict);
        Assert.Equal(RiskVerdict.Approve, layer.Assess(Sell(0.01m, 100_000m, currentPosition: 0.01m)).Verdict);
    }

    [Fact]
    public void Assess_LossReachedBetweenBars_HaltsWithoutWaitingForTheNextBar()
    {
        var layer = Layer();
        portfolio.Equity = 9_600m;

        Assert.Equal(RiskVerdict.Veto, layer.Assess(Buy(0.01m, 100_000m)).Verdict);
        Assert.Equal(RiskState.Halted, layer.State);
    }

    [Fact]
    public void Observe_RecoveryLaterTheSameDay_StaysHalted()
    {
        var layer = Layer();
        portfolio.Equity = 9_700m;
        layer.Observe(HourBarEndingAt(Day1Noon));
        portfolio.Equity = 10_100m;
        layer.Observe(HourBarEndingAt(Day1Noon.AddHours(3)));

        Assert.Equal(RiskState.Halted, layer.State);
        Assert.Equal(RiskVerdict.Veto, layer.Assess(Buy(0.01m, 100_000m)).Verdict);
    }

    [Fact]
    public void Observe_NextUtcDay_LiftsTheHaltButABarClosingAtMidnightStillBelongsToTheOldDay()
    {
        var layer = Layer();
        portfolio.Equity = 9_700m;
        layer.Observe(HourBarEndingAt(Day1Noon));

        // The 23:00–00:00 bar closes the old day: still halted.
        layer.Observe(HourBarEndingAt(Day2Midnight));
        Assert.Equal(RiskState.Halted, layer.State);

        // The portfolio restarts daily P&L from 9,700; the 00:00–01:00 bar is in the new day.
        portfolio.EquityAtDayStart = 9_700m;
        clock.UtcNow = Day2Midnight.AddHours(1);
        layer.Observe(HourBarEndingAt(Day2Midnight.AddHours(1)));

        Assert.Equal(RiskState.Active, layer.State);
        Assert.Equal(RiskVerdict.Approve, layer.Assess(Buy(0.01m, 100_000m)).Verdict);
    }

    [Fact]
    public void Assess_ClockInTheNextDayWithoutAnyBar_LiftsTheHalt()
    {
        var layer = Layer();
        portfolio.Equity = 9_700m;
        layer.Observe(HourBarEndingAt(Day1Noon));
        portfolio.EquityAtDayStart = 9_700m;
        clock.UtcNow = Day2Midnight.AddMinutes(30);

        Assert.Equal(RiskVerdict.Approve, layer.Assess(Buy(0.01m, 100_000m)).Verdict);
        Assert.Equal(RiskState.Active, layer.State);
    }

    [Fact]
    public void Observe_NewDayThatLosesAgain_HaltsAgainAgainstTheNewDayStart()
    {
        // Day 2 starts at 9,700: its limit is 3 % × 9,700 = 291; equity 9,409 is a loss of exactly 291.
        var layer = Layer();
        portfolio.Equity = 9_700m;
        layer.Observe(HourBarEndingAt(Day1Noon));
        portfolio.EquityAtDayStart = 9_700m;
        portfolio.Equity = 9_409m;
        layer.Observe(HourBarEndingAt(Day2Midnight.AddHours(5)));

        Assert.Equal(RiskState.Halted, layer.State);
        Assert.Contains("daily loss 291.00", layer.Assess(Buy(0.01m, 100_000m)).Reason);
    }

    [Fact]
    public void Observe_CustomLimit_HaltsAtTheConfiguredFraction()
    {
        // 1 % × 10,000 = 100; equity 9,900.
        var layer = Layer("""{ "maximumDailyLoss": 0.01 }""");
        portfolio.Equity = 9_900m;
        layer.Observe(HourBarEndingAt(Day1Noon));

        Assert.Equal(RiskState.Halted, layer.State);
    }

    [Theory]
    [InlineData("""{ "maximumDailyLoss": 0 }""", "$.risk[0].settings.maximumDailyLoss", "expected a value from 0.0001 to 1, found 0")]
    [InlineData("""{ "maximumDailyLoss": 1.5 }""", "$.risk[0].settings.maximumDailyLoss", "found 1.5")]
    [InlineData("""{ "maximumDailyLoss": "3%" }""", "$.risk[0].settings.maximumDailyLoss", "expected a number")]
    [InlineData("""{ "dailyLoss": 0.02 }""", "$.risk[0].settings.dailyLoss", "unknown setting")]
    public void Initialize_BadSettings_ThrowsNamingTheSettingPath(string settings, string path, string problem)
    {
        var exception = Assert.Throws<PluginSettingsException>(() => Layer(settings));

        Assert.Equal(path, exception.Path);
        Assert.Contains(problem, exception.Message);
    }
}
