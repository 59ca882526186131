using PluginBot.Experts.MeanReversion;
using PluginBot.Experts.RangeConsolidation;
using PluginBot.Experts.TrendFollowing;
using PluginBot.Experts.VolatilityBreakout;
using PluginBot.Plugins.Experts.Tests.Infrastructure;
using PluginBot.Plugins.RegimeRules;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Regimes;
using PluginBot.Sdk.Signals;

namespace PluginBot.Plugins.Experts.Tests;

/// <summary>
/// Every plugin over a real day of BTCBUSD minute bars (1,440 bars, default settings): no exceptions, outputs that
/// are plausible for what each rule is (neither all abstentions nor all one side), state kept per symbol, and no
/// allocation per bar once warmed up.
/// </summary>
public sealed class MinuteDataTests
{
    /// <summary>Each expert with the share of abstentions its rule should give: the trend follower has a view about
    /// half the time, the three edge-trading rules only at their rare setups.</summary>
    public static TheoryData<Type, double, double, int> Experts => new()
    {
        { typeof(TrendFollowingExpert), 0.2, 0.8, 20 },
        { typeof(MeanReversionExpert), 0.8, 0.995, 5 },
        { typeof(VolatilityBreakoutExpert), 0.8, 0.995, 10 },
        { typeof(RangeConsolidationExpert), 0.6, 0.99, 10 },
    };

    public static TheoryData<Type> Plugins => new()
    {
        typeof(RuleBasedRegimeDetector),
        typeof(TrendFollowingExpert),
        typeof(MeanReversionExpert),
        typeof(VolatilityBreakoutExpert),
        typeof(RangeConsolidationExpert),
    };

    [Theory]
    [MemberData(nameof(Experts))]
    public void Evaluate_MinuteDay_GivesBothSidesAndAPlausibleShareOfAbstentions(Type type, double minimumAbstaining, double maximumAbstaining, int horizonBars)
    {
        var expert = (IExpert)Activator.CreateInstance(type)!;
        expert.Initialize(TestContext.With());
        var bars = Bars.Minute();
        int longs = 0, shorts = 0, abstentions = 0;

        foreach (var bar in bars)
        {
            var signal = expert.Evaluate(bar);
            switch (signal.Direction)
            {
                case SignalDirection.Long:
                    longs++;
                    break;
                case SignalDirection.Short:
                    shorts++;
                    break;
                case SignalDirection.Hold:
                    abstentions++;
                    Assert.Equal(Signal.Hold, signal);
                    continue;
                default:
                    Assert.Fail($"{expert.Name} asked to be flat; experts take a side or abstain");
                    break;
            }

            Assert.InRange(signal.Confidence, double.Epsilon, 1);
            Assert.Equal(TimeSpan.FromMinutes(horizonBars), signal.Horizon);
        }

        Assert.Equal(1440, bars.Length);
        Assert.InRange(abstentions / (double)bars.Length, minimumAbstaining, maximumAbstaining);
        Assert.True(longs >= 10 && shorts >= 10, $"{expert.Name}: {longs} longs and {shorts} shorts");
        Assert.InRange(longs / (double)(longs + shorts), 0.2, 0.8);
    }

    [Fact]
    public void Update_MinuteDay_IsUniformThroughWarmUpThenVisitsEveryRegimeAndSumsToOne()
    {
        var detector = TestContext.Initialized<RuleBasedRegimeDetector>();
        var bars = Bars.Minute();
        var visits = new int[4];

        for (var index = 0; index < bars.Length; index++)
        {
            var estimate = detector.Update(bars[index]);
            Assert.Equal(1, estimate.HighVolatility + estimate.LowVolatility + estimate.Trending + estimate.Ranging, 12);
            if (index < detector.Options.WarmUpBars - 1)
            {
                Assert.Equal(RuleBasedRegimeDetector.Uniform, estimate);
            }
            else
            {
                visits[(int)estimate.MostLikely]++;
            }
        }

        Assert.Equal(114, detector.Options.WarmUpBars);
        Assert.All(visits, count => Assert.True(count >= 30, $"regime visits {string.Join(", ", visits)}"));
    }

    [Fact]
    public void Update_MinuteDay_HysteresisAtLeastHalvesTheRegimeFlips()
    {
        var filtered = TestContext.Initialized<RuleBasedRegimeDetector>();
        var unfiltered = TestContext.Initialized<RuleBasedRegimeDetector>("""{"switchMargin":0,"confirmationBars":1}""");
        var bars = Bars.Minute();

        var filteredFlips = Flips(bars.Select(bar => filtered.Update(bar).MostLikely).ToArray());
        var unfilteredFlips = Flips(bars.Select(bar => unfiltered.Update(bar).MostLikely).ToArray());

        Assert.True(unfilteredFlips >= 100, $"the raw regime flips {unfilteredFlips} times");
        Assert.True(filteredFlips * 2 <= unfilteredFlips, $"{filteredFlips} filtered flips against {unfilteredFlips} raw");
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Update_TwoSymbolsInterleaved_GiveTheSameOutputsAsEachAlone(Type type)
    {
        var first = Bars.Minute();
        var second = first.Reverse().Select((bar, index) => bar with { Symbol = "SECOND", StartTime = first[index].StartTime }).ToArray();
        var shared = Create(type);
        var firstAlone = Create(type);
        var secondAlone = Create(type);

        for (var index = 0; index < first.Length; index++)
        {
            Assert.Equal(Output(firstAlone, first[index]), Output(shared, first[index]));
            Assert.Equal(Output(secondAlone, second[index]), Output(shared, second[index]));
        }
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Update_AfterWarmUp_AllocatesNothingPerBar(Type type)
    {
        var plugin = Create(type);
        var bars = Bars.Minute();
        const int warmUp = 400;
        for (var index = 0; index < warmUp; index++)
        {
            Output(plugin, bars[index]);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var checksum = 0.0;
        for (var index = warmUp; index < bars.Length; index++)
        {
            checksum += Measure(plugin, bars[index]);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(checksum > 0);
    }

    private static IPlugin Create(Type type)
    {
        var plugin = (IPlugin)Activator.CreateInstance(type)!;
        plugin.Initialize(TestContext.With());
        return plugin;
    }

    private static object Output(IPlugin plugin, in Bar bar) => plugin switch
    {
        IRegimeDetector detector => detector.Update(bar),
        IExpert expert => expert.Evaluate(bar),
        _ => throw new ArgumentException($"not a detector or expert: {plugin.GetType().Name}", nameof(plugin)),
    };

    // Like Output but without boxing, so the allocation measurement sees only the plugin's own allocations.
    private static double Measure(IPlugin plugin, in Bar bar)
    {
        if (plugin is IRegimeDetector detector)
        {
            return detector.Update(bar).HighVolatility + 1;
        }

        var signal = ((IExpert)plugin).Evaluate(bar);
        return signal.Confidence + 1;
    }

    private static int Flips(MarketRegime[] regimes) =>
        Enumerable.Range(1, regimes.Length - 1).Count(index => regimes[index] != regimes[index - 1]);
}
