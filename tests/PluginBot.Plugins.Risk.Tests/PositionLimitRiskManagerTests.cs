using PluginBot.Plugins.Risk.PositionLimit;
using PluginBot.Plugins.Risk.Tests.Infrastructure;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Plugins;
using static PluginBot.Plugins.Risk.Tests.Infrastructure.RiskContext;

namespace PluginBot.Plugins.Risk.Tests;

// Unless a case says otherwise: equity 10,000 and the default fraction 0.5, so the cap is 5,000 per symbol.
public sealed class PositionLimitRiskManagerTests
{
    private static PositionLimitRiskManager Layer(string settings = "{}", decimal equity = 10_000m) =>
        Initialized<PositionLimitRiskManager>(new FakePortfolio { Equity = equity }, settings);

    [Fact]
    public void Initialize_NoSettings_CapsAtHalfOfEquity()
    {
        Assert.Equal(0.5m, Layer().MaximumFraction);
        Assert.Equal(RiskState.Active, ((IRiskManager)Layer()).State);
    }

    [Fact]
    public void Assess_PositionBelowTheCap_Approves()
    {
        // 0.04 × 100,000 = 4,000 <= 5,000.
        Assert.Equal(RiskAssessment.Approve(), Layer().Assess(Buy(0.04m, 100_000m)));
    }

    [Fact]
    public void Assess_PositionExactlyAtTheCap_Approves()
    {
        // 0.05 × 100,000 = 5,000: the cap itself is allowed.
        Assert.Equal(RiskVerdict.Approve, Layer().Assess(Buy(0.05m, 100_000m)).Verdict);
    }

    [Fact]
    public void Assess_GrowingAPositionPastTheCap_ScalesTheOrderToTheRoomLeft()
    {
        // Held 0.02 (2,000) + buy 0.05 (5,000) = 7,000 > 5,000; room 5,000 − 2,000 = 3,000 of 5,000 → 0.6.
        var assessment = Layer().Assess(Buy(0.05m, 100_000m, currentPosition: 0.02m));

        Assert.Equal(RiskVerdict.Scale, assessment.Verdict);
        Assert.Equal(0.6m, assessment.Scale);
        Assert.Contains("BTCUSDT would be worth 7000.00 after the order", assessment.Reason);
        Assert.Contains("of equity 10000.00 = 5000.00", assessment.Reason);
        Assert.Contains("room 3000.00 of the requested 5000.00, scaled by 0.6000", assessment.Reason);
    }

    [Fact]
    public void Assess_ScaleWithManyDecimals_IsRoundedDownToFourPlaces()
    {
        // Buy 0.07 = 7,000 from flat; 5,000 / 7,000 = 0.714285… → 0.7142 (down, so the scaled order stays under the cap).
        var assessment = Layer().Assess(Buy(0.07m, 100_000m));

        Assert.Equal(0.7142m, assessment.Scale);
        Assert.True(0.07m * assessment.Scale * 100_000m <= 5_000m);
    }

    [Fact]
    public void Assess_PositionAlreadyAtTheCap_VetoesAnyIncrease()
    {
        // Held 0.05 = 5,000, room 0.
        var assessment = Layer().Assess(Buy(0.01m, 100_000m, currentPosition: 0.05m));

        Assert.Equal(RiskVerdict.Veto, assessment.Verdict);
        Assert.Contains("no room left (0.00)", assessment.Reason);
    }

    [Fact]
    public void Assess_PositionThatGrewAboveTheCap_VetoesAnIncrease()
    {
        // Held 0.06 = 6,000 (the price rose after entry): room 5,000 − 6,000 = −1,000.
        var assessment = Layer().Assess(Buy(0.01m, 100_000m, currentPosition: 0.06m));

        Assert.Equal(RiskVerdict.Veto, assessment.Verdict);
        Assert.Contains("no room left (-1000.00)", assessment.Reason);
    }

    [Fact]
    public void Assess_ReductionThatStaysAboveTheCap_Approves()
    {
        // Held 0.08 = 8,000, selling 0.01 leaves 7,000: still over the cap, but it only cuts risk.
        Assert.Equal(RiskVerdict.Approve, Layer().Assess(Sell(0.01m, 100_000m, currentPosition: 0.08m)).Verdict);
    }

    [Fact]
    public void Assess_FlipFromLongToAnOversizedShort_ScalesIncludingTheQuantityThatCloses()
    {
        // Long 0.02, sell 0.09 → short 0.07 = 7,000. The first 0.02 (2,000) only closes the long, so
        // room = 5,000 + 2,000 = 7,000 of the requested 9,000 → 0.7777…; rounded down 0.7777.
        // Check: sell 0.09 × 0.7777 = 0.069993 → short 0.049993 = 4,999.30 <= 5,000.
        var assessment = Layer().Assess(Sell(0.09m, 100_000m, currentPosition: 0.02m));

        Assert.Equal(0.7777m, assessment.Scale);
    }

    [Fact]
    public void Assess_GrowingAShortPastTheCap_ScalesLikeALong()
    {
        // Short 0.03 (3,000), sell 0.04 (4,000) → short 7,000; room 5,000 − 3,000 = 2,000 of 4,000 → 0.5.
        Assert.Equal(0.5m, Layer().Assess(Sell(0.04m, 100_000m, currentPosition: -0.03m)).Scale);
    }

    [Fact]
    public void Assess_ContractWithAMultiplier_ValuesEachUnitAtPriceTimesMultiplier()
    {
        // FUTURE: 10 quote units per unit of price; buy 8 at 100 = 8 × 100 × 10 = 8,000; room 5,000 → 0.625.
        Assert.Equal(0.625m, Layer().Assess(Buy(8m, 100m, symbol: "FUTURE")).Scale);
    }

    [Fact]
    public void Assess_CustomFraction_UsesTheConfiguredCap()
    {
        // 0.2 × 10,000 = 2,000; buy 0.03 = 3,000 → 2,000 / 3,000 = 0.6666… → 0.6666.
        var layer = Layer("""{ "maximumFraction": 0.2 }""");

        Assert.Equal(0.2m, layer.MaximumFraction);
        Assert.Equal(0.6666m, layer.Assess(Buy(0.03m, 100_000m)).Scale);
    }

    [Fact]
    public void Assess_NoPositiveEquity_VetoesNewRiskButLetsReductionsThrough()
    {
        var layer = Layer(equity: 0m);

        Assert.Equal(RiskVerdict.Veto, layer.Assess(Buy(0.001m, 100_000m)).Verdict);
        Assert.Equal(RiskVerdict.Approve, layer.Assess(Sell(0.001m, 100_000m, currentPosition: 0.01m)).Verdict);
    }

    [Theory]
    [InlineData("""{ "maximumFraction": 0 }""", "$.risk[0].settings.maximumFraction", "expected a value from 0.0001 to 100, found 0")]
    [InlineData("""{ "maximumFraction": "half" }""", "$.risk[0].settings.maximumFraction", "expected a number")]
    [InlineData("""{ "maxFraction": 0.3 }""", "$.risk[0].settings.maxFraction", "unknown setting")]
    public void Initialize_BadSettings_ThrowsNamingTheSettingPath(string settings, string path, string problem)
    {
        var exception = Assert.Throws<PluginSettingsException>(() => Layer(settings));

        Assert.Equal(path, exception.Path);
        Assert.Contains(problem, exception.Message);
    }
}
