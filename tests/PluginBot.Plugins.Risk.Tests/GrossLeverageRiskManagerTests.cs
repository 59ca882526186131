using PluginBot.Plugins.Risk.GrossLeverage;
using PluginBot.Plugins.Risk.Tests.Infrastructure;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Plugins;
using static PluginBot.Plugins.Risk.Tests.Infrastructure.RiskContext;

namespace PluginBot.Plugins.Risk.Tests;

// Unless a case says otherwise: equity 10,000 and the default leverage 1, so gross exposure is capped at 10,000.
// ETH is priced at 1,000 and BTC at 100,000.
public sealed class GrossLeverageRiskManagerTests
{
    private static GrossLeverageRiskManager Layer(FakePortfolio portfolio, string settings = "{}") =>
        Initialized<GrossLeverageRiskManager>(portfolio, settings);

    [Fact]
    public void Initialize_NoSettings_CapsGrossExposureAtEquity()
    {
        Assert.Equal(1m, Layer(new FakePortfolio()).MaximumLeverage);
    }

    [Fact]
    public void Assess_GrossExposureStaysUnderTheCap_Approves()
    {
        // ETH 3 × 1,000 = 3,000 + BTC 0.05 × 100,000 = 5,000 → 8,000 <= 10,000.
        var portfolio = new FakePortfolio().WithPosition(OtherSymbol, 3m, 1_000m);

        Assert.Equal(RiskVerdict.Approve, Layer(portfolio).Assess(Buy(0.05m, 100_000m)).Verdict);
    }

    [Fact]
    public void Assess_GrossExposurePastTheCap_ScalesToTheRoomLeftAfterOtherSymbols()
    {
        // ETH 6,000 and BTC 0.02 = 2,000 held (gross 8,000). Buy BTC 0.05 → BTC 7,000, gross 13,000 > 10,000.
        // Other symbols 8,000 − 2,000 = 6,000; room 10,000 − 6,000 − 2,000 = 2,000 of 5,000 → 0.4.
        var portfolio = new FakePortfolio().WithPosition(OtherSymbol, 6m, 1_000m).WithPosition(Symbol, 0.02m, 100_000m);

        var assessment = Layer(portfolio).Assess(Buy(0.05m, 100_000m, currentPosition: 0.02m));

        Assert.Equal(RiskVerdict.Scale, assessment.Verdict);
        Assert.Equal(0.4m, assessment.Scale);
        Assert.Contains("gross exposure would be 13000.00 after the order (6000.00 in other symbols)", assessment.Reason);
        Assert.Contains("equity 10000.00 = 10000.00", assessment.Reason);
        Assert.Contains("room 2000.00 of the requested 5000.00, scaled by 0.4000", assessment.Reason);
    }

    [Fact]
    public void Assess_ShortPositionsCountAsExposure_ScalesByTheirAbsoluteValue()
    {
        // ETH short 5 = |−5,000|; buy BTC 0.07 = 7,000 → gross 12,000; room 5,000 of 7,000 = 0.714285… → 0.7142.
        var portfolio = new FakePortfolio().WithPosition(OtherSymbol, -5m, 1_000m);

        Assert.Equal(0.7142m, Layer(portfolio).Assess(Buy(0.07m, 100_000m)).Scale);
    }

    [Fact]
    public void Assess_OtherSymbolsUseTheWholeCap_Vetoes()
    {
        // ETH 10 × 1,000 = 10,000 already: no room.
        var portfolio = new FakePortfolio().WithPosition(OtherSymbol, 10m, 1_000m);

        var assessment = Layer(portfolio).Assess(Buy(0.01m, 100_000m));

        Assert.Equal(RiskVerdict.Veto, assessment.Verdict);
        Assert.Contains("no room left (0.00)", assessment.Reason);
    }

    [Fact]
    public void Assess_ReductionWhileOverTheCap_Approves()
    {
        // ETH 12,000 + BTC 5,000 = 17,000 > 10,000, but selling BTC only cuts exposure.
        var portfolio = new FakePortfolio().WithPosition(OtherSymbol, 12m, 1_000m).WithPosition(Symbol, 0.05m, 100_000m);

        Assert.Equal(RiskVerdict.Approve, Layer(portfolio).Assess(Sell(0.01m, 100_000m, currentPosition: 0.05m)).Verdict);
    }

    [Fact]
    public void Assess_FlipPastTheCap_CountsTheClosingPartAsRoom()
    {
        // ETH 4,000, BTC long 0.02 = 2,000. Sell BTC 0.1 → short 0.08 = 8,000, gross 12,000.
        // Room = 10,000 − 4,000 + 2,000 = 8,000 of 10,000 → 0.8. Check: sell 0.08 → short 0.06 = 6,000 + 4,000 = 10,000.
        var portfolio = new FakePortfolio().WithPosition(OtherSymbol, 4m, 1_000m).WithPosition(Symbol, 0.02m, 100_000m);

        Assert.Equal(0.8m, Layer(portfolio).Assess(Sell(0.1m, 100_000m, currentPosition: 0.02m)).Scale);
    }

    [Fact]
    public void Assess_CustomLeverage_UsesTheConfiguredMultiple()
    {
        // 2 × 10,000 = 20,000; ETH 12,000 + BTC 0.1 = 10,000 → 22,000; room 8,000 of 10,000 → 0.8.
        var portfolio = new FakePortfolio().WithPosition(OtherSymbol, 12m, 1_000m);

        Assert.Equal(0.8m, Layer(portfolio, """{ "maximumLeverage": 2 }""").Assess(Buy(0.1m, 100_000m)).Scale);
    }

    [Theory]
    [InlineData("""{ "maximumLeverage": -1 }""", "$.risk[0].settings.maximumLeverage", "expected a value from 0.0001 to 100, found -1")]
    [InlineData("""{ "maximumLeverage": true }""", "$.risk[0].settings.maximumLeverage", "expected a number")]
    [InlineData("""{ "leverage": 2 }""", "$.risk[0].settings.leverage", "unknown setting")]
    public void Initialize_BadSettings_ThrowsNamingTheSettingPath(string settings, string path, string problem)
    {
        var exception = Assert.Throws<PluginSettingsException>(() => Layer(new FakePortfolio(), settings));

        Assert.Equal(path, exception.Path);
        Assert.Contains(problem, exception.Message);
    }
}
