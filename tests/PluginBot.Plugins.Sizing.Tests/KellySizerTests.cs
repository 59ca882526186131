using PluginBot.Plugins.Sizing.Tests.Infrastructure;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Portfolio;

namespace PluginBot.Plugins.Sizing.Tests;

// Inside the namespace: PluginBot.Plugins.<Name> is also a namespace, which would otherwise hide the class.
using KellySizer = global::PluginBot.Plugins.KellySizer.KellySizer;

public sealed class KellySizerTests
{
    private const string Rolling = """{ "minimumTrades": 2, "window": 3, "fraction": 1, "maximumFraction": 1 }""";

    [Fact]
    public void Size_DefaultPriors_SizesHalfTheKellyFraction()
    {
        var sizer = Sizers.Initialize(new KellySizer(), new FakePortfolio(10_000m, 10_000m));

        var result = sizer.Size(Sizers.Long(20_000m));

        // f* = 0.5 − 0.5 / 1.5 = 1/6; × 0.5 = 1/12 (under the 0.25 cap); 10,000 / 12 = 833.33 USDT;
        // / 20,000 = 0.0416666… BTC, down to the 0.00001 lot: 0.04166.
        Assert.Equal(0.04166m, result.Quantity);
    }

    [Fact]
    public void Size_LargeEdge_CappedAtTheMaximumFraction()
    {
        var sizer = Sizers.Initialize(new KellySizer(), new FakePortfolio(10_000m, 10_000m),
            """{ "winRate": 0.6, "payoffRatio": 2, "fraction": 1 }""");

        var result = sizer.Size(Sizers.Long(20_000m));

        // f* = 0.6 − 0.4 / 2 = 0.4; × 1 = 0.4, capped at the default 0.25: 2,500 USDT → 0.125 BTC.
        Assert.Equal(0.125m, result.Quantity);
    }

    [Fact]
    public void Size_NegativeEdge_ReturnsNoneNamingWinRatePayoffAndKellyFraction()
    {
        var sizer = Sizers.Initialize(new KellySizer(), new FakePortfolio(10_000m, 10_000m),
            """{ "winRate": 0.4, "payoffRatio": 1 }""");

        var result = sizer.Size(Sizers.Long(20_000m));

        // f* = 0.4 − 0.6 / 1 = −0.2: betting would lose in expectation.
        Assert.Equal(0m, result.Quantity);
        Assert.Contains("W = 0.4, R = 1", result.Reason);
        Assert.Contains("f* = W − (1 − W) / R = -0.2", result.Reason);
        Assert.Contains("the edge is not positive", result.Reason);
    }

    [Fact]
    public void Size_ZeroEdge_ReturnsNone()
    {
        var sizer = Sizers.Initialize(new KellySizer(), new FakePortfolio(10_000m, 10_000m),
            """{ "winRate": 0.4, "payoffRatio": 1.5 }""");

        var result = sizer.Size(Sizers.Long(20_000m));

        // f* = 0.4 − 0.6 / 1.5 = 0: no edge, no bet.
        Assert.Equal(0m, result.Quantity);
        Assert.Contains("f* = W − (1 − W) / R = 0:", result.Reason);
    }

    [Fact]
    public void Size_ClosedTradesObserved_ReplacePriorsOnceEnoughAndRollOverTheWindow()
    {
        var portfolio = new FakePortfolio(10_000m, 10_000m);
        var sizer = Sizers.Initialize(new KellySizer(), portfolio, Rolling);

        // First call: baseline only; priors f* = 0.5 − 0.5 / 1.5 = 1/6 → 1,666.67 USDT → 0.0833333 → 0.08333 BTC.
        Assert.Equal(0.08333m, sizer.Size(Sizers.Long(20_000m)).Quantity);

        // One trade (+300) is fewer than the 2 required: still the priors.
        portfolio.CloseTrade(Sizers.Symbol, 300m);
        var second = sizer.Size(Sizers.Long(20_000m));
        Assert.Equal(1, sizer.TradesObserved);
        Assert.Equal(0.08333m, second.Quantity);

        // [+300, −100]: W = 0.5, R = 300 / 100 = 3, f* = 0.5 − 0.5 / 3 = 1/3 → 3,333.33 USDT → 0.1666666 → 0.16666 BTC.
        portfolio.CloseTrade(Sizers.Symbol, -100m);
        Assert.Equal(0.16666m, sizer.Size(Sizers.Long(20_000m)).Quantity);

        // [+300, −100, −100]: W = 1/3, R = 3, f* = 1/3 − (2/3) / 3 = 1/9 → 1,111.11 USDT → 0.0555555 → 0.05555 BTC.
        portfolio.CloseTrade(Sizers.Symbol, -100m);
        Assert.Equal(0.05555m, sizer.Size(Sizers.Long(20_000m)).Quantity);

        // A fourth trade pushes +300 out of the 3-trade window: [−100, −100, −100] has no win, so no edge.
        portfolio.CloseTrade(Sizers.Symbol, -100m);
        var fifth = sizer.Size(Sizers.Long(20_000m));
        Assert.Equal(3, sizer.TradesObserved);
        Assert.Equal(0m, fifth.Quantity);
        Assert.Contains("no winning trade among the last 3 closed trades", fifth.Reason);
    }

    [Fact]
    public void Size_OnlyWinningTradesObserved_BetsTheCappedFraction()
    {
        var portfolio = new FakePortfolio(10_000m, 10_000m);
        var sizer = Sizers.Initialize(new KellySizer(), portfolio, """{ "minimumTrades": 1, "window": 5 }""");
        sizer.Size(Sizers.Long(20_000m));
        portfolio.CloseTrade(Sizers.Symbol, 50m);

        var result = sizer.Size(Sizers.Long(20_000m));

        // W = 1 gives f* = 1 whatever R is; × 0.5 = 0.5, capped at 0.25: 2,500 USDT → 0.125 BTC.
        Assert.Equal(0.125m, result.Quantity);
    }

    [Fact]
    public void Size_ProfitRealisedBeforeTheFirstCallOrUnchanged_IsNotCountedAsATrade()
    {
        var portfolio = new FakePortfolio(10_000m, 10_000m);
        portfolio.SetPosition(new PositionView(Sizers.Symbol, 0m, 0m, 0m, 500m));
        var sizer = Sizers.Initialize(new KellySizer(), portfolio, Rolling);

        sizer.Size(Sizers.Long(20_000m));
        sizer.Size(Sizers.Long(20_000m));

        // The 500 closed before the sizer existed sets the baseline; an unchanged figure means nothing closed since.
        Assert.Equal(0, sizer.TradesObserved);
    }

    [Fact]
    public void Size_TradesInSeveralSymbols_AllFeedOneWindow()
    {
        var portfolio = new FakePortfolio(10_000m, 10_000m);
        var sizer = Sizers.Initialize(new KellySizer(), portfolio, Rolling);
        var ether = new PluginBot.Sdk.Instruments.InstrumentRules("ETHUSDT", "USDT", 0.01m, 0.0001m, 0.0001m, 5m);
        sizer.Size(Sizers.Long(20_000m));
        sizer.Size(Sizers.Long(2_000m, rules: ether));
        portfolio.CloseTrade(Sizers.Symbol, 200m);
        portfolio.CloseTrade("ETHUSDT", -100m);

        sizer.Size(Sizers.Long(20_000m));
        var result = sizer.Size(Sizers.Long(2_000m, rules: ether));

        // [+200 (BTC), −100 (ETH)]: W = 0.5, R = 2, f* = 0.5 − 0.5 / 2 = 0.25 → 2,500 USDT / 2,000 = 1.25 ETH.
        Assert.Equal(2, sizer.TradesObserved);
        Assert.Equal(1.25m, result.Quantity);
    }

    [Fact]
    public void Size_NotionalBelowTheExchangeMinimum_ReturnsNoneNamingTheMinimumNotional()
    {
        var sizer = Sizers.Initialize(new KellySizer(), new FakePortfolio(50m, 50m));

        var result = sizer.Size(Sizers.Long(20_000m));

        // 50 / 12 = 4.1666 USDT → 0.000208333 BTC → 0.0002 BTC = 4 USDT, under Binance's 5 USDT minimum.
        Assert.Equal(0m, result.Quantity);
        Assert.StartsWith("kelly (W = 0.5, R = 1.5", result.Reason);
        Assert.Contains("below the minimum notional 5 for BTCUSDT", result.Reason);
    }

    [Fact]
    public void Size_LittleFreeCash_CapsAtTheFractionOfCash()
    {
        var sizer = Sizers.Initialize(new KellySizer(), new FakePortfolio(cash: 1_000m, equity: 10_000m),
            """{ "winRate": 0.6, "payoffRatio": 2, "fraction": 1 }""");

        var result = sizer.Size(Sizers.Long(20_000m));

        // f = 0.25 after the cap: min(10,000 × 0.25, 1,000 × 0.25) = 250 USDT → 0.0125 BTC.
        Assert.Equal(0.0125m, result.Quantity);
    }

    [Theory]
    [InlineData("""{ "minimumTrades": 60 }""", "sizer.settings.minimumTrades")]
    [InlineData("""{ "winRate": 1.2 }""", "sizer.settings.winRate")]
    [InlineData("""{ "payoffRatio": 0 }""", "sizer.settings.payoffRatio")]
    [InlineData("""{ "maximumFraction": 1.5 }""", "sizer.settings.maximumFraction")]
    [InlineData("""{ "window": 2.5 }""", "sizer.settings.window")]
    [InlineData("""{ "winrate": 0.5 }""", "sizer.settings.winrate")]
    public void Initialize_BadSetting_ThrowsNamingItsPath(string settings, string path)
    {
        var exception = Assert.Throws<PluginSettingsException>(
            () => Sizers.Initialize(new KellySizer(), new FakePortfolio(10_000m, 10_000m), settings));

        Assert.Equal(path, exception.Path);
    }
}
