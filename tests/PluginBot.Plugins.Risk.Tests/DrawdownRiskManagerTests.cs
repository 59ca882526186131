using PluginBot.Plugins.Risk.Drawdown;
using PluginBot.Plugins.Risk.Tests.Infrastructure;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Plugins;
using static PluginBot.Plugins.Risk.Tests.Infrastructure.RiskContext;

namespace PluginBot.Plugins.Risk.Tests;

// Unless a case says otherwise: the peak is the starting equity 10,000 and the default ladder applies:
// 5 % (9,500) → 0.8, 10 % (9,000) → 0.6, 15 % (8,500) → 0.4, reduce-only from 20 % (8,000) until 9,000 again.
public sealed class DrawdownRiskManagerTests
{
    private readonly FakePortfolio portfolio = new() { Equity = 10_000m };

    private DrawdownRiskManager Layer(string settings = "{}") => Initialized<DrawdownRiskManager>(portfolio, settings);

    private RiskAssessment AssessAt(DrawdownRiskManager layer, decimal equity)
    {
        portfolio.Equity = equity;
        layer.Observe(HourBarEndingAt(new DateTime(2024, 1, 1, 1, 0, 0, DateTimeKind.Utc)));
        return layer.Assess(Buy(0.01m, 100_000m));
    }

    [Fact]
    public void Initialize_NoSettings_UsesTheDefaultLadderAndTwentyPercentMaximum()
    {
        var layer = Layer();

        Assert.Equal([new DrawdownLevel(0.05m, 0.8m), new DrawdownLevel(0.10m, 0.6m), new DrawdownLevel(0.15m, 0.4m)], layer.Levels);
        Assert.Equal(0.20m, layer.MaximumDrawdown);
        Assert.Equal(10_000m, layer.PeakEquity);
        Assert.Equal(RiskState.Active, layer.State);
    }

    [Fact]
    public void Assess_DrawdownBelowTheFirstLevel_Approves()
    {
        // 9,600 is 4 % below 10,000.
        Assert.Equal(RiskVerdict.Approve, AssessAt(Layer(), 9_600m).Verdict);
    }

    [Theory]
    [InlineData(9_500, 0.8)] // 500 / 10,000 = 5 %: the first level exactly.
    [InlineData(9_200, 0.8)] // 8 %.
    [InlineData(9_000, 0.6)] // 10 %.
    [InlineData(8_500, 0.4)] // 15 %.
    [InlineData(8_001, 0.4)] // 19.99 %: deepest level, not yet the maximum.
    public void Assess_DrawdownAtALevel_ScalesByTheDeepestLevelReached(int equity, double scale)
    {
        var assessment = AssessAt(Layer(), equity);

        Assert.Equal(RiskVerdict.Scale, assessment.Verdict);
        Assert.Equal((decimal)scale, assessment.Scale);
    }

    [Fact]
    public void Assess_ScaledIntent_ReasonNamesTheDrawdownPeakAndLevel()
    {
        // (10,000 − 9,250) / 10,000 = 7.5 %.
        var reason = AssessAt(Layer(), 9_250m).Reason;

        Assert.Contains("drawdown 7.5 % from the peak equity 10000.00 reached the 5 % level; new risk scaled by 0.8", reason);
    }

    [Fact]
    public void Observe_NewHighEquity_MovesThePeakUp()
    {
        // Peak 12,000; 11,400 is 600 / 12,000 = 5 % below it.
        var layer = Layer();
        AssessAt(layer, 12_000m);

        Assert.Equal(12_000m, layer.PeakEquity);
        Assert.Equal(0.8m, AssessAt(layer, 11_400m).Scale);
        Assert.Equal(0.05m, layer.CurrentDrawdown);
    }

    [Fact]
    public void Assess_NewHighWithoutAnObservedBar_StillMovesThePeak()
    {
        var layer = Layer();
        portfolio.Equity = 11_000m;
        layer.Assess(Buy(0.01m, 100_000m));

        Assert.Equal(11_000m, layer.PeakEquity);
    }

    [Fact]
    public void Assess_MaximumDrawdownReached_SwitchesToReduceOnly()
    {
        // 8,000 = 20 % below 10,000; recovery needs 10,000 × (1 − 0.2 / 2) = 9,000.
        var layer = Layer();
        var veto = AssessAt(layer, 8_000m);

        Assert.Equal(RiskState.Reducing, layer.State);
        Assert.Equal(RiskVerdict.Veto, veto.Verdict);
        Assert.Contains("drawdown 20 % from the peak equity 10000.00 is at or beyond the maximum drawdown of 20 %", veto.Reason);
        Assert.Contains("reduce-only until equity regains 9000.00", veto.Reason);
        Assert.Equal(RiskVerdict.Approve, layer.Assess(Sell(0.01m, 100_000m, currentPosition: 0.05m)).Verdict);
        Assert.Equal(RiskVerdict.Veto, layer.Assess(Sell(0.06m, 100_000m, currentPosition: 0.05m)).Verdict);
    }

    [Fact]
    public void Observe_PartialRecoveryFromReduceOnly_StaysReducingUntilHalfTheMaximumDrawdownIsWonBack()
    {
        var layer = Layer();
        AssessAt(layer, 7_500m);

        // 8,999.99 is still 10.0001 % down: short of the 9,000 recovery level.
        Assert.Equal(RiskVerdict.Veto, AssessAt(layer, 8_999.99m).Verdict);
        Assert.Equal(RiskState.Reducing, layer.State);

        // At 9,000 (10 % down) new risk is allowed again, scaled by the 10 % level; the peak stays 10,000.
        var assessment = AssessAt(layer, 9_000m);
        Assert.Equal(RiskState.Active, layer.State);
        Assert.Equal(0.6m, assessment.Scale);
        Assert.Equal(10_000m, layer.PeakEquity);
    }

    [Fact]
    public void Assess_CustomLadder_UsesTheConfiguredLevelsAndMaximum()
    {
        // 2 % (9,800) → 0.5; reduce-only from 4 % (9,600).
        var layer = Layer("""{ "levels": [ { "drawdown": 0.02, "scale": 0.5 } ], "maximumDrawdown": 0.04 }""");

        Assert.Equal(RiskVerdict.Approve, AssessAt(layer, 9_801m).Verdict);
        Assert.Equal(0.5m, AssessAt(layer, 9_800m).Scale);
        Assert.Equal(RiskVerdict.Veto, AssessAt(layer, 9_600m).Verdict);
    }

    [Fact]
    public void Assess_EmptyLadder_ApprovesUntilTheMaximumDrawdown()
    {
        var layer = Layer("""{ "levels": [] }""");

        Assert.Equal(RiskVerdict.Approve, AssessAt(layer, 8_001m).Verdict);
        Assert.Equal(RiskVerdict.Veto, AssessAt(layer, 8_000m).Verdict);
    }

    [Theory]
    [InlineData("""{ "levels": 0.05 }""", "$.risk[0].settings.levels", "expected an array")]
    [InlineData("""{ "levels": [ 0.05 ] }""", "$.risk[0].settings.levels[0]", "expected an object")]
    [InlineData("""{ "levels": [ { "drawdown": 0.05 } ] }""", "$.risk[0].settings.levels[0].scale", "required")]
    [InlineData("""{ "levels": [ { "drawdown": 0.05, "scale": 0.8, "size": 1 } ] }""", "$.risk[0].settings.levels[0].size", "unknown setting")]
    [InlineData("""{ "levels": [ { "drawdown": 0.05, "scale": 0 } ] }""", "$.risk[0].settings.levels[0].scale", "expected a value from 0.0001 to 1")]
    [InlineData("""{ "levels": [ { "drawdown": 0.1, "scale": 0.8 }, { "drawdown": 0.05, "scale": 0.6 } ] }""", "$.risk[0].settings.levels[1].drawdown", "strictly increasing")]
    [InlineData("""{ "levels": [ { "drawdown": 0.05, "scale": 0.5 }, { "drawdown": 0.1, "scale": 0.7 } ] }""", "$.risk[0].settings.levels[1].scale", "must not scale risk up")]
    [InlineData("""{ "levels": [ { "drawdown": 0.25, "scale": 0.5 } ] }""", "$.risk[0].settings.levels[0].drawdown", "never used")]
    [InlineData("""{ "maximumDrawdown": 0 }""", "$.risk[0].settings.maximumDrawdown", "expected a value from 0.0001 to 1")]
    [InlineData("""{ "maxDrawdown": 0.2 }""", "$.risk[0].settings.maxDrawdown", "unknown setting")]
    public void Initialize_BadSettings_ThrowsNamingTheSettingPath(string settings, string path, string problem)
    {
        var exception = Assert.Throws<PluginSettingsException>(() => Layer(settings));

        Assert.Equal(path, exception.Path);
        Assert.Contains(problem, exception.Message);
    }
}
