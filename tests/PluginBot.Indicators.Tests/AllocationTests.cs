using PluginBot.Indicators.Tests.Infrastructure;

namespace PluginBot.Indicators.Tests;

/// <summary>
/// Indicators run on every bar of every symbol, so a steady-state update must allocate nothing: these tests count
/// the managed bytes the current thread allocates across 10,000 updates after warm-up and require exactly zero.
/// </summary>
public sealed class AllocationTests
{
    private const int WarmUpBars = 2_000;
    private const int MeasuredBars = 10_000;

    private static readonly Dictionary<string, Func<IIndicator>> Factories = new()
    {
        ["SimpleMovingAverage"] = () => new SimpleMovingAverage(20),
        ["ExponentialMovingAverage"] = () => new ExponentialMovingAverage(20),
        ["WeightedMovingAverage"] = () => new WeightedMovingAverage(20),
        ["WilderMovingAverage"] = () => new WilderMovingAverage(14),
        ["RelativeStrengthIndex"] = () => new RelativeStrengthIndex(14),
        ["RelativeStrengthIndexSimple"] = () => new RelativeStrengthIndex(14, SmoothingMethod.Simple),
        ["MovingAverageConvergenceDivergence"] = () => new MovingAverageConvergenceDivergence(),
        ["BollingerBands"] = () => new BollingerBands(),
        ["RateOfChange"] = () => new RateOfChange(10),
        ["LogReturn"] = () => new LogReturn(10),
        ["EfficiencyRatio"] = () => new EfficiencyRatio(10),
        ["RollingVariance"] = () => new RollingVariance(30),
        ["RollingStandardDeviation"] = () => new RollingStandardDeviation(30),
        ["HurstExponent"] = () => new HurstExponent(100, 20),
        ["TrueRange"] = () => new TrueRange(),
        ["AverageTrueRange"] = () => new AverageTrueRange(14),
        ["AverageTrueRangeSimple"] = () => new AverageTrueRange(14, SmoothingMethod.Simple),
        ["Stochastic"] = () => new Stochastic(14, 3, 3),
        ["AverageDirectionalIndex"] = () => new AverageDirectionalIndex(14),
        ["OnBalanceVolume"] = () => new OnBalanceVolume(),
        ["WilliamsPercentRange"] = () => new WilliamsPercentRange(14),
        ["CommodityChannelIndex"] = () => new CommodityChannelIndex(20),
        ["VolumeWeightedAveragePrice"] = () => new VolumeWeightedAveragePrice(50),
        ["KeltnerChannels"] = () => new KeltnerChannels(),
        ["DonchianChannels"] = () => new DonchianChannels(),
        ["AroonOscillator"] = () => new AroonOscillator(25),
        ["ChaikinMoneyFlow"] = () => new ChaikinMoneyFlow(20),
        ["MoneyFlowIndex"] = () => new MoneyFlowIndex(14),
    };

    public static TheoryData<string> IndicatorNames => new(Factories.Keys);

    [Theory]
    [MemberData(nameof(IndicatorNames))]
    public void Update_AfterWarmUp_AllocatesNothing(string indicatorName)
    {
        var indicator = Factories[indicatorName]();
        var bars = SyntheticMarket.Bars(WarmUpBars + MeasuredBars, seed: 7);

        // Warm-up also lets the JIT finish compiling the update path before anything is counted.
        Run(indicator, bars, 0, WarmUpBars);
        Assert.True(indicator.IsReady);

        // The least of three measured passes: an indicator that allocates per update allocates in every pass, while a
        // one-off runtime allocation (a tier-up of the update path landing inside a pass on a loaded machine) does not.
        var allocated = long.MaxValue;
        for (var pass = 0; pass < 3; pass++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            Run(indicator, bars, WarmUpBars, MeasuredBars);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, allocated);
        Assert.True(double.IsFinite(indicator.Value));
    }

    [Fact]
    public void Reset_ThenReplay_AllocatesNothing()
    {
        // Reset is called when a plugin is re-warmed after a hot swap; it must reuse the preallocated buffers.
        var bars = SyntheticMarket.Bars(WarmUpBars, seed: 11);
        var indicators = new IIndicator[Factories.Count];
        var index = 0;
        foreach (var factory in Factories.Values)
        {
            indicators[index] = factory();
            Run(indicators[index], bars, 0, WarmUpBars);
            index++;
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var item = 0; item < indicators.Length; item++)
        {
            indicators[item].Reset();
            Run(indicators[item], bars, 0, WarmUpBars);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void Run(IIndicator indicator, BarSample[] bars, int start, int count)
    {
        var end = start + count;
        if (indicator is IBarIndicator barIndicator)
        {
            for (var index = start; index < end; index++)
            {
                barIndicator.Update(bars[index]);
            }
        }
        else
        {
            var valueIndicator = (IValueIndicator)indicator;
            for (var index = start; index < end; index++)
            {
                valueIndicator.Update(bars[index].Close);
            }
        }
    }
}
