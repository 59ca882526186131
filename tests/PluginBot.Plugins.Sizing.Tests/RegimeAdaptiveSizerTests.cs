using PluginBot.Engine.Backtest;
using PluginBot.Engine.Clock;
using PluginBot.Engine.Hosting;
using PluginBot.Plugins.Sizing.Tests.Infrastructure;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Regimes;

namespace PluginBot.Plugins.Sizing.Tests;

// Inside the namespace: PluginBot.Plugins.<Name> is also a namespace, which would otherwise hide the class.
using RegimeAdaptiveSizer = global::PluginBot.Plugins.RegimeAdaptiveSizer.RegimeAdaptiveSizer;

// Equity and cash 10,000, BTC at 20,000, the default fraction 0.95 and multipliers 0.5 / 1 / 1 / 0.75 unless a case
// says otherwise.
public sealed class RegimeAdaptiveSizerTests
{
    [Fact]
    public void Size_CertainHighVolatility_HalvesTheFraction()
    {
        // 0.95 × 0.5 = 0.475 of 10,000 = 4,750 USDT → 0.2375 BTC.
        var sizer = Sizer();

        var result = sizer.Size(Sizers.Long(20_000m) with { Regime = new RegimeEstimate(1, 0, 0, 0) });

        Assert.Equal(0.2375m, result.Quantity);
        Assert.Equal(0.5m, sizer.MultiplierFor(new RegimeEstimate(1, 0, 0, 0)));
        Assert.StartsWith("regime-adaptive: fraction 0.95 × regime multiplier 0.5 (high volatility 1 × 0.5, low volatility 0 × 1, trending 0 × 1, ranging 0 × 0.75) = 0.475 of equity", sizer.LastBasis);
    }

    [Fact]
    public void Size_UnsureBetweenTwoRegimes_WeightsTheirMultipliersByProbability()
    {
        // Half high volatility, half ranging: 0.5 × 0.5 + 0.5 × 0.75 = 0.625; 0.95 × 0.625 = 0.59375 of 10,000
        // = 5,937.5 USDT → 0.296875 BTC, down to the 0.00001 lot: 0.29687.
        var sizer = Sizer();

        var result = sizer.Size(Sizers.Long(20_000m) with { Regime = new RegimeEstimate(1, 0, 0, 1) });

        Assert.Equal(0.29687m, result.Quantity);
    }

    [Fact]
    public void Size_TrendingOrLowVolatility_SizesTheFullFraction()
    {
        // Multipliers 1: 0.95 × 10,000 = 9,500 → 0.475 BTC.
        var sizer = Sizer();

        Assert.Equal(0.475m, sizer.Size(Sizers.Long(20_000m) with { Regime = new RegimeEstimate(0, 0.3, 0.7, 0) }).Quantity);
    }

    [Fact]
    public void Size_NoRegimeEstimate_UsesTheNeutralMultiplierAndSaysSoOnceInTheLog()
    {
        var log = new List<LogEntry>();
        var sizer = new RegimeAdaptiveSizer();
        var clock = new SimulatedClock();
        sizer.Initialize(new PluginContext(clock, new FakePortfolio(10_000m, 10_000m), new InstrumentCatalog([Sizers.Bitcoin]),
            new CollectingLogger(clock, "regime-adaptive", log), Sizers.Settings("{}")));

        var first = sizer.Size(Sizers.Long(20_000m));
        var second = sizer.Size(Sizers.Long(20_000m));

        Assert.Equal(0.475m, first.Quantity);
        Assert.Equal(first, second);
        Assert.Equal("regime-adaptive: no regime estimate in the request, neutral multiplier 1: fraction 0.95 × 1 = 0.95 of equity", sizer.LastBasis);
        var warning = Assert.Single(log);
        Assert.Equal("Warning", warning.Level);
        Assert.Contains("without a regime estimate", warning.Message);
    }

    [Fact]
    public void Size_TinyAccountWithoutRegime_RefusesWithAReasonNamingTheNeutralMultiplier()
    {
        // 0.95 × 4 USDT = 3.80 USDT → 0.00019 BTC: under the 5 USDT minimum notional.
        var sizer = Sizer(new FakePortfolio(4m, 4m));

        var result = sizer.Size(Sizers.Long(20_000m));

        Assert.Equal(0m, result.Quantity);
        Assert.StartsWith("regime-adaptive: no regime estimate in the request, neutral multiplier 1", result.Reason);
        Assert.Contains("below the minimum notional 5 for BTCUSDT", result.Reason);
    }

    [Fact]
    public void Size_RegimeWithAMultiplierOfZero_SizesNothingAndSaysWhy()
    {
        var sizer = Sizer(settings: """{ "highVolatilityMultiplier": 0 }""");

        var result = sizer.Size(Sizers.Long(20_000m) with { Regime = new RegimeEstimate(1, 0, 0, 0) });

        Assert.Equal(0m, result.Quantity);
        Assert.Contains("regime multiplier 0", result.Reason);
        Assert.EndsWith("a fraction of 0 sizes nothing", result.Reason);
    }

    [Fact]
    public void Size_MultiplierAboveOne_LeversBeyondCash()
    {
        // Trending multiplier 3: 0.95 × 3 = 2.85 of equity 10,000 = 28,500 USDT → 1.425 BTC, not capped by 2,000 cash.
        var sizer = Sizer(new FakePortfolio(2_000m, 10_000m), """{ "trendingMultiplier": 3 }""");

        Assert.Equal(1.425m, sizer.Size(Sizers.Long(20_000m) with { Regime = new RegimeEstimate(0, 0, 1, 0) }).Quantity);
    }

    [Theory]
    [InlineData("""{ "rangingMultiplier": -0.1 }""", "sizer.settings.rangingMultiplier")]
    [InlineData("""{ "fraction": 0 }""", "sizer.settings.fraction")]
    [InlineData("""{ "trendMultiplier": 1 }""", "sizer.settings.trendMultiplier")]
    public void Initialize_BadSetting_ThrowsNamingItsPath(string settings, string path)
    {
        var exception = Assert.Throws<PluginSettingsException>(() => Sizer(settings: settings));

        Assert.Equal(path, exception.Path);
    }

    private static RegimeAdaptiveSizer Sizer(FakePortfolio? portfolio = null, string settings = "{}") =>
        Sizers.Initialize(new RegimeAdaptiveSizer(), portfolio ?? new FakePortfolio(10_000m, 10_000m), settings);
}
