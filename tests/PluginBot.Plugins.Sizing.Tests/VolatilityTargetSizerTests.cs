using PluginBot.Plugins.Sizing.Tests.Infrastructure;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;

namespace PluginBot.Plugins.Sizing.Tests;

// Inside the namespace: PluginBot.Plugins.<Name> is also a namespace, which would otherwise hide the class.
using VolatilityTargetSizer = global::PluginBot.Plugins.VolatilityTargetSizer.VolatilityTargetSizer;

public sealed class VolatilityTargetSizerTests
{
    [Fact]
    public void Size_Defaults_RisksOnePercentOverATwoPercentStop()
    {
        var sizer = Sizers.Initialize(new VolatilityTargetSizer(), new FakePortfolio(10_000m, 10_000m));

        var result = sizer.Size(Sizers.Long(20_000m));

        // 10,000 × 0.01 / 0.02 = 5,000 USDT → 0.25 BTC; a 2 % stop on 5,000 loses 100 = 1 % of equity.
        Assert.Equal(0.25m, result.Quantity);
    }

    [Fact]
    public void Size_UnevenRatio_RoundsDownToTheLot()
    {
        var sizer = Sizers.Initialize(new VolatilityTargetSizer(), new FakePortfolio(10_000m, 10_000m),
            """{ "riskFraction": 0.005, "stopDistanceFraction": 0.03 }""");

        var result = sizer.Size(Sizers.Long(20_000m));

        // 0.005 / 0.03 = 0.1666…; × 10,000 = 1,666.66… USDT; / 20,000 = 0.083333… BTC, down to the lot: 0.08333.
        Assert.Equal(0.08333m, result.Quantity);
    }

    [Fact]
    public void Size_TightStop_CappedAtTheMaximumFraction()
    {
        var sizer = Sizers.Initialize(new VolatilityTargetSizer(), new FakePortfolio(10_000m, 10_000m),
            """{ "riskFraction": 0.02, "stopDistanceFraction": 0.01 }""");

        var result = sizer.Size(Sizers.Long(20_000m));

        // 0.02 / 0.01 = 2 of equity, capped at the default maximum of 1: 10,000 USDT → 0.5 BTC.
        Assert.Equal(0.5m, result.Quantity);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void Size_MaximumAboveOne_AllowsLeverageBeyondCash()
    {
        var sizer = Sizers.Initialize(new VolatilityTargetSizer(), new FakePortfolio(cash: 3_000m, equity: 10_000m),
            """{ "riskFraction": 0.02, "stopDistanceFraction": 0.01, "maximumFraction": 3 }""");

        var result = sizer.Size(Sizers.Long(20_000m));

        // 2 of equity (under the cap of 3) = 20,000 USDT → 1 BTC; above 1 the fraction is leverage, not capped by cash.
        Assert.Equal(1m, result.Quantity);
    }

    [Fact]
    public void Size_LittleFreeCash_CapsAtTheFractionOfCash()
    {
        var sizer = Sizers.Initialize(new VolatilityTargetSizer(), new FakePortfolio(cash: 4_000m, equity: 10_000m));

        var result = sizer.Size(Sizers.Long(20_000m));

        // min(10,000 × 0.5, 4,000 × 0.5) = 2,000 USDT → 0.1 BTC.
        Assert.Equal(0.1m, result.Quantity);
    }

    [Fact]
    public void Size_NotionalBelowTheExchangeMinimum_ReturnsNoneNamingTheMinimumNotional()
    {
        var sizer = Sizers.Initialize(new VolatilityTargetSizer(), new FakePortfolio(100m, 100m),
            """{ "riskFraction": 0.01, "stopDistanceFraction": 0.5 }""");

        var result = sizer.Size(Sizers.Long(20_000m));

        // 100 × 0.01 / 0.5 = 2 USDT → 0.0001 BTC; 2 USDT is below Binance's 5 USDT minimum notional.
        Assert.Equal(0m, result.Quantity);
        Assert.Contains("below the minimum notional 5 for BTCUSDT", result.Reason);
        Assert.Contains("the order is not sent", result.Reason);
    }

    [Fact]
    public void Size_QuantityBelowTheExchangeMinimum_ReturnsNoneNamingTheMinimumQuantity()
    {
        var ether = new InstrumentRules("ETHUSDT", "USDT", 0.01m, 0.0001m, 0.001m, 0m);
        var sizer = Sizers.Initialize(new VolatilityTargetSizer(), new FakePortfolio(2m, 2m));

        var result = sizer.Size(Sizers.Long(2_000m, rules: ether));

        // 2 × 0.01 / 0.02 = 1 USDT → 0.0005 ETH: five lots of 0.0001, but under the 0.001 minimum quantity.
        Assert.Equal(0m, result.Quantity);
        Assert.Contains("quantity 0.0005 is below the minimum quantity 0.001 for ETHUSDT", result.Reason);
    }

    [Theory]
    [InlineData("""{ "riskFraction": "high" }""", "sizer.settings.riskFraction")]
    [InlineData("""{ "stopDistanceFraction": 0 }""", "sizer.settings.stopDistanceFraction")]
    [InlineData("""{ "maximumFraction": 11 }""", "sizer.settings.maximumFraction")]
    [InlineData("""{ "atrMultiple": 2 }""", "sizer.settings.atrMultiple")]
    public void Initialize_BadSetting_ThrowsNamingItsPath(string settings, string path)
    {
        var exception = Assert.Throws<PluginSettingsException>(
            () => Sizers.Initialize(new VolatilityTargetSizer(), new FakePortfolio(10_000m, 10_000m), settings));

        Assert.Equal(path, exception.Path);
    }
}
