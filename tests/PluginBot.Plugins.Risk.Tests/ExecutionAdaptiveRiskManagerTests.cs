using PluginBot.Plugins.Risk.ExecutionAdaptive;
using PluginBot.Plugins.Risk.Tests.Infrastructure;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Plugins;
using static PluginBot.Plugins.Risk.Tests.Infrastructure.RiskContext;

namespace PluginBot.Plugins.Risk.Tests;

// Defaults unless a case says otherwise: tolerance 5 bp, sensitivity 0.05 per bp, 5 fills before slippage counts,
// poor hit rate below 0.4 multiplies by 0.5, scale never below 0.25.
public sealed class ExecutionAdaptiveRiskManagerTests
{
    private readonly FakeExecutionQuality quality = new();

    [Fact]
    public void Assess_NothingExecutedYet_Approves()
    {
        var layer = Layer();

        Assert.Equal(RiskVerdict.Approve, layer.Assess(Buy(0.01m, 100m)).Verdict);
        Assert.Equal(1m, layer.CurrentScale);
    }

    [Fact]
    public void Assess_SlippageAboveTheTolerance_ScalesByTheFormula()
    {
        // 1 − 0.05 × (15 − 5) = 0.5.
        var layer = Layer();
        quality.FillCount = 10;
        quality.AverageSlippageBasisPoints = 15;

        var assessment = layer.Assess(Buy(0.01m, 100m));

        Assert.Equal(RiskVerdict.Scale, assessment.Verdict);
        Assert.Equal(0.5m, assessment.Scale);
        Assert.Equal(
            "execution quality: average slippage 15 bp over 10 fills is above the 5 bp tolerance: 1 − 0.05 × 10 = 0.5; entries scaled by 0.5000 (bounds 0.25 to 1)",
            assessment.Reason);
    }

    [Fact]
    public void Assess_UnevenScale_RoundsDownToFourPlaces()
    {
        // 1 − 0.05 × (12.3456 − 5) = 0.63272 → 0.6327.
        var layer = Layer();
        quality.FillCount = 10;
        quality.AverageSlippageBasisPoints = 12.3456;

        Assert.Equal(0.6327m, layer.Assess(Buy(0.01m, 100m)).Scale);
    }

    [Fact]
    public void Assess_HugeSlippage_StopsAtTheMinimumScale()
    {
        // 1 − 0.05 × 95 = −3.75 → held at 0.25: the layer adapts, it never halts.
        var layer = Layer();
        quality.FillCount = 10;
        quality.AverageSlippageBasisPoints = 100;

        Assert.Equal(0.25m, layer.Assess(Buy(0.01m, 100m)).Scale);
    }

    [Fact]
    public void Assess_SlippageFromTooFewFills_IsNotTrustedYet()
    {
        var layer = Layer();
        quality.FillCount = 4;
        quality.AverageSlippageBasisPoints = 40;

        Assert.Equal(RiskVerdict.Approve, layer.Assess(Buy(0.01m, 100m)).Verdict);
    }

    [Fact]
    public void Assess_FillsBetterThanTheDecisionPrice_NeverScaleUp()
    {
        var layer = Layer();
        quality.FillCount = 10;
        quality.AverageSlippageBasisPoints = -30;

        var assessment = layer.Assess(Buy(0.01m, 100m));

        Assert.Equal(RiskVerdict.Approve, assessment.Verdict);
        Assert.Equal(1m, assessment.Scale);
    }

    [Fact]
    public void Assess_PoorHitRate_MultipliesTheSlippageScale()
    {
        // 1 − 0.05 × (13 − 5) = 0.6; hit rate 0.3 < 0.4 → × 0.5 = 0.3.
        var layer = Layer();
        quality.FillCount = 10;
        quality.AverageSlippageBasisPoints = 13;
        quality.RecentHitRate = 0.3;

        var assessment = layer.Assess(Buy(0.01m, 100m));

        Assert.Equal(0.3m, assessment.Scale);
        Assert.Contains("; recent hit rate 0.3 is below 0.4: × 0.5; entries scaled by 0.3000", assessment.Reason);
    }

    [Fact]
    public void Assess_PoorHitRateOnTopOfALowScale_StopsAtTheMinimumScale()
    {
        // 1 − 0.05 × 10 = 0.5, × 0.4 = 0.2 → held at the minimum 0.25.
        var layer = Layer("""{ "poorHitRateMultiplier": 0.4 }""");
        quality.FillCount = 10;
        quality.AverageSlippageBasisPoints = 15;
        quality.RecentHitRate = 0.1;

        Assert.Equal(0.25m, layer.Assess(Buy(0.01m, 100m)).Scale);
    }

    [Fact]
    public void Assess_ReductionUnderPoorExecution_Approves()
    {
        var layer = Layer();
        quality.FillCount = 10;
        quality.AverageSlippageBasisPoints = 100;
        quality.RecentHitRate = 0;

        Assert.Equal(RiskVerdict.Approve, layer.Assess(Sell(0.01m, 100m, currentPosition: 0.05m)).Verdict);
    }

    [Fact]
    public void Assess_SlippageNotANumber_AssumesTheWorstWithinTheBounds()
    {
        var layer = Layer();
        quality.AverageSlippageBasisPoints = double.NaN;

        Assert.Equal(0.25m, layer.Assess(Buy(0.01m, 100m)).Scale);
    }

    [Theory]
    [InlineData("""{ "minimumScale": 0 }""", "$.risk[0].settings.minimumScale", "expected a value from 0.0001 to 1, found 0")]
    [InlineData("""{ "poorHitRateMultiplier": 1.5 }""", "$.risk[0].settings.poorHitRateMultiplier", "expected a value from 0.0001 to 1, found 1.5")]
    [InlineData("""{ "slippageSensitivity": -1 }""", "$.risk[0].settings.slippageSensitivity", "expected a value from 0 to 10, found -1")]
    [InlineData("""{ "tolerance": 3 }""", "$.risk[0].settings.tolerance", "unknown setting")]
    public void Initialize_BadSettings_ThrowsNamingTheSettingPath(string settings, string path, string problem)
    {
        var exception = Assert.Throws<PluginSettingsException>(() => Layer(settings));

        Assert.Equal(path, exception.Path);
        Assert.Contains(problem, exception.Message);
    }

    private ExecutionAdaptiveRiskManager Layer(string settings = "{}")
    {
        var layer = new ExecutionAdaptiveRiskManager();
        layer.Initialize(new ExecutionQualityContext(Create(new FakePortfolio(), settings), quality));
        return layer;
    }
}
