using PluginBot.Plugins.Sizing.Tests.Infrastructure;
using PluginBot.Sdk.Market;

namespace PluginBot.Plugins.Sizing.Tests;

// Inside the namespace: PluginBot.Plugins.<Name> is also a namespace, which would otherwise hide the class.
using VolatilityTargetSizer = global::PluginBot.Plugins.VolatilityTargetSizer.VolatilityTargetSizer;

// The ATR mode: atrPeriod 3 and the default stopAtrMultiple 2. The bars all close at 100 with ranges 2, 4 and 6
// around it, so each true range is high − low and the first Wilder ATR is their mean, 4.
public sealed class VolatilityTargetAtrTests
{
    private static readonly DateTime Origin = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Size_AtrWarm_SizesOverTheAtrMultipleStop()
    {
        // Stop 2 × 4 = 8 of 100 = 0.08; 0.01 / 0.08 = 0.125 of 10,000 = 1,250 USDT → 12.5 at 100.
        var sizer = Sizer();
        Observe(sizer, Sizers.Symbol, 2m, 4m, 6m);

        var result = sizer.Size(Sizers.Long(100m));

        Assert.Equal(4d, sizer.AverageTrueRangeOf(Sizers.Symbol)!.Value, precision: 12);
        Assert.Equal(12.5m, result.Quantity);
    }

    [Fact]
    public void Size_AtrUpdatedByWildersSmoothing_FollowsTheNewVolatility()
    {
        // A fourth bar of range 8: ATR = 4 + (8 − 4) / 3 = 5.3333…; stop 2 × 5.3333 / 100 = 0.106666…;
        // 0.01 / 0.106666… = 0.09375 of 10,000 = 937.5 USDT → 9.375 at 100.
        var sizer = Sizer();
        Observe(sizer, Sizers.Symbol, 2m, 4m, 6m, 8m);

        Assert.Equal(9.375m, sizer.Size(Sizers.Long(100m)).Quantity);
    }

    [Fact]
    public void Size_BeforeWarmUp_SizesNothingAndSaysHowFarAlongTheAtrIs()
    {
        var sizer = Sizer();
        Observe(sizer, Sizers.Symbol, 2m, 4m);

        var result = sizer.Size(Sizers.Long(100m));

        Assert.Equal(0m, result.Quantity);
        Assert.Equal("volatility target: the ATR(3) of BTCUSDT is warming up (2 of 3 bars seen), so there is no stop distance to size against yet", result.Reason);
    }

    [Fact]
    public void Size_OtherSymbolsBars_DoNotWarmThisSymbolsAtr()
    {
        var sizer = Sizer();
        Observe(sizer, "ETHUSDT", 2m, 4m, 6m);

        Assert.Contains("ATR(3) of BTCUSDT is warming up (0 of 3 bars seen)", sizer.Size(Sizers.Long(100m)).Reason);
    }

    [Fact]
    public void Size_AtrMode_IgnoresTheFixedStopDistance()
    {
        // The host fills stopDistanceFraction from the schema default; with atrPeriod set the ATR decides.
        var sizer = Sizers.Initialize(new VolatilityTargetSizer(), new FakePortfolio(10_000m, 10_000m),
            """{ "atrPeriod": 3, "stopDistanceFraction": 0.5, "stopAtrMultiple": 4 }""");
        Observe(sizer, Sizers.Symbol, 2m, 4m, 6m);

        // Stop 4 × 4 = 16 of 100 = 0.16; 0.01 / 0.16 = 0.0625 of 10,000 = 625 USDT → 6.25.
        Assert.Equal(6.25m, sizer.Size(Sizers.Long(100m)).Quantity);
    }

    [Fact]
    public void Observe_FixedMode_KeepsNoAtr()
    {
        var sizer = Sizers.Initialize(new VolatilityTargetSizer(), new FakePortfolio(10_000m, 10_000m));
        Observe(sizer, Sizers.Symbol, 2m, 4m, 6m);

        Assert.Null(sizer.AverageTrueRangeOf(Sizers.Symbol));
        Assert.Equal(0.25m, sizer.Size(Sizers.Long(20_000m)).Quantity);
    }

    private static VolatilityTargetSizer Sizer() =>
        Sizers.Initialize(new VolatilityTargetSizer(), new FakePortfolio(10_000m, 10_000m), """{ "atrPeriod": 3 }""");

    private static void Observe(VolatilityTargetSizer sizer, string symbol, params decimal[] ranges)
    {
        for (var index = 0; index < ranges.Length; index++)
        {
            var half = ranges[index] / 2m;
            sizer.Observe(new Bar(symbol, BarInterval.OneMinute, Origin.AddMinutes(index), 100m, 100m + half, 100m - half, 100m, 1m));
        }
    }
}
