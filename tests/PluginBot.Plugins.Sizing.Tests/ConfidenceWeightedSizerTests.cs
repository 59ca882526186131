using PluginBot.Plugins.Sizing.Tests.Infrastructure;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Portfolio;

namespace PluginBot.Plugins.Sizing.Tests;

// Inside the namespace: PluginBot.Plugins.<Name> is also a namespace, which would otherwise hide the class.
using ConfidenceWeightedSizer = global::PluginBot.Plugins.ConfidenceSizer.ConfidenceWeightedSizer;

public sealed class ConfidenceWeightedSizerTests
{
    [Fact]
    public void Size_DefaultsAtFullConfidence_SizesHalfOfEquity()
    {
        var sizer = Sizers.Initialize(new ConfidenceWeightedSizer(), new FakePortfolio(10_000m, 10_000m));

        var result = sizer.Size(Sizers.Long(20_000m, confidence: 1));

        // 0.5 × 1 = 0.5 of 10,000 = 5,000 USDT; 5,000 / 20,000 = 0.25 BTC.
        Assert.Equal(0.25m, result.Quantity);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void Size_PartialConfidence_RoundsDownToTheLot()
    {
        var sizer = Sizers.Initialize(new ConfidenceWeightedSizer(), new FakePortfolio(1_234.56m, 1_234.56m));

        var result = sizer.Size(Sizers.Long(20_000m, confidence: 0.7));

        // 0.5 × 0.7 = 0.35; 0.35 × 1,234.56 = 432.096 USDT; / 20,000 = 0.0216048 BTC, down to the 0.00001 lot: 0.02160.
        Assert.Equal(0.0216m, result.Quantity);
    }

    [Fact]
    public void Size_ConfidenceBelowTheMinimum_ReturnsNoneNamingTheMinimum()
    {
        var sizer = Sizers.Initialize(new ConfidenceWeightedSizer(), new FakePortfolio(10_000m, 10_000m));

        var result = sizer.Size(Sizers.Long(20_000m, confidence: 0.15));

        Assert.Equal(0m, result.Quantity);
        Assert.Contains("confidence 0.15 is below the minimum confidence 0.2", result.Reason);
    }

    [Fact]
    public void Size_ConfidenceExactlyAtTheMinimum_Sizes()
    {
        var sizer = Sizers.Initialize(new ConfidenceWeightedSizer(), new FakePortfolio(10_000m, 10_000m));

        var result = sizer.Size(Sizers.Long(20_000m, confidence: 0.2));

        // 0.5 × 0.2 = 0.1 of 10,000 = 1,000 USDT; / 20,000 = 0.05 BTC.
        Assert.Equal(0.05m, result.Quantity);
    }

    [Fact]
    public void Size_ZeroMinimumAndZeroConfidence_ReturnsNoneBecauseTheFractionIsZero()
    {
        var sizer = Sizers.Initialize(new ConfidenceWeightedSizer(), new FakePortfolio(10_000m, 10_000m), """{ "minimumConfidence": 0 }""");

        var result = sizer.Size(Sizers.Long(20_000m, confidence: 0));

        Assert.Equal(0m, result.Quantity);
        Assert.Contains("sizes nothing", result.Reason);
    }

    [Fact]
    public void Size_NotionalBelowTheExchangeMinimum_ReturnsNoneNamingTheMinimumNotional()
    {
        var sizer = Sizers.Initialize(new ConfidenceWeightedSizer(), new FakePortfolio(20m, 20m));

        var result = sizer.Size(Sizers.Long(20_000m, confidence: 0.4));

        // 0.5 × 0.4 = 0.2 of 20 = 4 USDT; / 20,000 = 0.0002 BTC (a whole number of lots) but 4 USDT < the 5 USDT minimum.
        Assert.Equal(0m, result.Quantity);
        Assert.Contains("below the minimum notional 5 for BTCUSDT", result.Reason);
        Assert.StartsWith("confidence-weighted: 0.5 × confidence 0.4 = 0.2 of equity", result.Reason);
    }

    [Fact]
    public void Size_LessThanOneLot_ReturnsNoneNamingTheLot()
    {
        var sizer = Sizers.Initialize(new ConfidenceWeightedSizer(), new FakePortfolio(0.1m, 0.1m));

        var result = sizer.Size(Sizers.Long(20_000m));

        // 0.5 × 0.1 = 0.05 USDT buys 0.0000025 BTC, which rounds down to zero lots of 0.00001.
        Assert.Equal(0m, result.Quantity);
        Assert.Contains("buys less than one lot of 0.00001", result.Reason);
    }

    [Fact]
    public void Size_CashTiedUpInOtherPositions_CapsAtTheFractionOfCash()
    {
        var sizer = Sizers.Initialize(new ConfidenceWeightedSizer(), new FakePortfolio(cash: 3_000m, equity: 10_000m), """{ "fraction": 1 }""");

        var full = sizer.Size(Sizers.Long(20_000m, confidence: 1));
        var half = sizer.Size(Sizers.Long(20_000m, confidence: 0.5));

        // Fraction 1: min(10,000 × 1, 3,000 × 1) = 3,000 USDT → 0.15 BTC.
        // Fraction 0.5: min(10,000 × 0.5, 3,000 × 0.5) = 1,500 USDT → 0.075 BTC.
        Assert.Equal(0.15m, full.Quantity);
        Assert.Equal(0.075m, half.Quantity);
    }

    [Fact]
    public void Size_FlipFromShort_CountsTheCashClosingTheShortReleases()
    {
        var portfolio = new FakePortfolio(cash: 3_000m, equity: 10_000m);
        portfolio.SetPosition(new PositionView(Sizers.Symbol, -0.1m, 20_000m, 20_000m, 0m));
        var sizer = Sizers.Initialize(new ConfidenceWeightedSizer(), portfolio, """{ "fraction": 1 }""");

        var result = sizer.Size(Sizers.Long(20_000m));

        // Closing the 0.1 BTC short releases |−0.1 × 20,000| = 2,000: min(10,000, (3,000 + 2,000) × 1) = 5,000 USDT → 0.25 BTC.
        Assert.Equal(0.25m, result.Quantity);
    }

    [Fact]
    public void Size_FractionAboveOne_IsLeverageAndNotCappedByCash()
    {
        var sizer = Sizers.Initialize(new ConfidenceWeightedSizer(), new FakePortfolio(cash: 3_000m, equity: 10_000m), """{ "fraction": 2 }""");

        var result = sizer.Size(Sizers.Long(20_000m));

        // 2 × 1 × 10,000 = 20,000 USDT → 1 BTC; above 1 the fraction is leverage, so cash does not cap it.
        Assert.Equal(1m, result.Quantity);
    }

    [Theory]
    [InlineData("""{ "fraktion": 0.5 }""", "sizer.settings.fraktion")]
    [InlineData("""{ "fraction": "half" }""", "sizer.settings.fraction")]
    [InlineData("""{ "fraction": 0 }""", "sizer.settings.fraction")]
    [InlineData("""{ "minimumConfidence": 1.5 }""", "sizer.settings.minimumConfidence")]
    public void Initialize_BadSetting_ThrowsNamingItsPath(string settings, string path)
    {
        var exception = Assert.Throws<PluginSettingsException>(
            () => Sizers.Initialize(new ConfidenceWeightedSizer(), new FakePortfolio(10_000m, 10_000m), settings));

        Assert.Equal(path, exception.Path);
    }
}
