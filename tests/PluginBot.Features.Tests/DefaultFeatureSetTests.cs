using PluginBot.Features.Tests.Infrastructure;
using PluginBot.Sdk.Market;

namespace PluginBot.Features.Tests;

public sealed class DefaultFeatureSetTests
{
    [Fact]
    public void Schema_DefaultSet_HasAtLeastThirtyFeaturesCoveringEveryFamilyButRawIndicators()
    {
        var schema = DefaultFeatureSet.Create().Schema;

        Assert.Equal("default", schema.Name);
        Assert.Equal(1, schema.Version);
        Assert.True(schema.Count >= 30, $"only {schema.Count} features");
        var families = schema.Features.Select(feature => feature.Family).ToHashSet();
        Assert.Equal(Enum.GetValues<FeatureFamily>().Where(family => family != FeatureFamily.Indicator).ToHashSet(), families);
        Assert.Contains("log_return_60", schema.Features.Select(feature => feature.Name));
        Assert.Contains("efficiency_ratio_10", schema.Features.Select(feature => feature.Name));
    }

    [Fact]
    public void Vectors_BitcoinMinutes_StayReadyAndFiniteOnceReadyAndAreCompleteFromBar140()
    {
        var set = DefaultFeatureSet.Create();
        var rows = FeatureRun.Vectors(set, MarketData.BitcoinMinutes());

        for (var column = 0; column < set.Count; column++)
        {
            var name = set.Schema.Features[column].Name;
            var firstReady = Array.FindIndex(rows, row => !float.IsNaN(row[column]));
            Assert.True(firstReady >= 0, $"{name} never became ready");
            for (var bar = firstReady; bar < rows.Length; bar++)
            {
                Assert.True(float.IsFinite(rows[bar][column]), $"{name} at bar {bar} is {rows[bar][column]} after being ready");
            }
        }

        var firstCompleteBar = Array.FindIndex(rows, row => row.All(float.IsFinite)) + 1;
        Assert.Equal(140, firstCompleteBar);
        Assert.True(set.IsReady);
    }

    [Fact]
    public void Vectors_BarsAfterTAltered_EveryFeatureUpToTIsBitIdentical()
    {
        var original = MarketData.BitcoinMinutes();
        var baseline = FeatureRun.Vectors(DefaultFeatureSet.Create(), original);
        var names = DefaultFeatureSet.Create().Schema.Features.Select(feature => feature.Name).ToArray();

        foreach (var t in new[] { 0, 1, 25, 139, 140, 700, 1438 })
        {
            var altered = MarketData.BitcoinMinutes();
            for (var index = t + 1; index < altered.Length; index++)
            {
                // Alternate up and down so returns, ranges and volume direction all change, not just the level.
                var factor = index % 2 == 0 ? 1.5m : 0.7m;
                var bar = altered[index];
                altered[index] = bar with
                {
                    Open = bar.Open * factor,
                    High = bar.High * factor * 1.01m,
                    Low = bar.Low * factor * 0.99m,
                    Close = bar.Close * factor,
                    Volume = (bar.Volume * 3) + 1,
                };
            }

            var recomputed = FeatureRun.Vectors(DefaultFeatureSet.Create(), altered);

            for (var bar = 0; bar <= t; bar++)
            {
                for (var column = 0; column < baseline[bar].Length; column++)
                {
                    if (BitConverter.SingleToInt32Bits(baseline[bar][column]) != BitConverter.SingleToInt32Bits(recomputed[bar][column]))
                    {
                        Assert.Fail($"altering bars after {t} changed {names[column]} at bar {bar}");
                    }
                }
            }

            if (t + 1 < altered.Length)
            {
                // The alteration is real: the first altered bar's vector differs, so the equality above is not vacuous.
                Assert.False(baseline[t + 1].SequenceEqual(recomputed[t + 1]));
            }
        }
    }

    [Fact]
    public void UpdateAndTryWrite_AfterWarmUp_AllocateNothingOverTenThousandBars()
    {
        var set = DefaultFeatureSet.Create();
        var bitcoin = MarketData.BitcoinMinutes();
        var vector = new float[set.Count];
        foreach (var bar in bitcoin)
        {
            set.Update(bar);
            set.TryWrite(vector);
        }

        var next = new Bar[10_000];
        var start = bitcoin[^1].StartTime;
        for (var index = 0; index < next.Length; index++)
        {
            next[index] = bitcoin[index % bitcoin.Length] with { StartTime = start.AddMinutes(index + 1) };
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var index = 0; index < next.Length; index++)
        {
            set.Update(next[index]);
            set.TryWrite(vector);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(set.IsReady);
    }

    [Fact]
    public void TimeFeatures_TuesdaySixOClock_AreAQuarterTurnOfTheDayAndOneSeventhOfTheWeek()
    {
        var set = DefaultFeatureSet.Create();
        set.Update(Bar(new DateTime(2022, 12, 13, 6, 0, 0, DateTimeKind.Utc), 100m));

        Assert.Equal(1.0, Feature(set, "hour_sin"), 12);
        Assert.Equal(0.0, Feature(set, "hour_cos"), 12);
        Assert.Equal(0.781831482468030, Feature(set, "day_of_week_sin"), 12);
        Assert.Equal(0.623489801858734, Feature(set, "day_of_week_cos"), 12);
    }

    [Fact]
    public void TimeFeatures_SundayHalfPastSixInTheEvening_UseMinutesAndPutSundayLast()
    {
        var set = DefaultFeatureSet.Create();
        set.Update(Bar(new DateTime(2022, 12, 18, 18, 30, 0, DateTimeKind.Utc), 100m));

        // 18.5 h is 277.5°: sin = −cos 7.5°, cos = sin 7.5°. Sunday is day 6 of an ISO week: 6/7 of a turn.
        Assert.Equal(-0.991444861373810, Feature(set, "hour_sin"), 12);
        Assert.Equal(0.130526192220052, Feature(set, "hour_cos"), 12);
        Assert.Equal(-0.781831482468030, Feature(set, "day_of_week_sin"), 12);
        Assert.Equal(0.623489801858734, Feature(set, "day_of_week_cos"), 12);
    }

    [Fact]
    public void NormalisationColumns_LastBitcoinBar_MatchZScoreAndMinMaxOverTheSourcesLast120Values()
    {
        var set = DefaultFeatureSet.Create();
        var returns = new List<double>();
        var strengths = new List<double>();
        foreach (var bar in MarketData.BitcoinMinutes())
        {
            set.Update(bar);
            if (set.IsFeatureReady(set.Schema.IndexOf("log_return_1")))
            {
                returns.Add(Feature(set, "log_return_1"));
            }

            if (set.IsFeatureReady(set.Schema.IndexOf("rsi_14")))
            {
                strengths.Add(Feature(set, "rsi_14"));
            }
        }

        var window = returns.TakeLast(120).ToArray();
        var mean = window.Average();
        var deviation = Math.Sqrt(window.Sum(value => (value - mean) * (value - mean)) / window.Length);
        Assert.Equal((window[^1] - mean) / deviation, Feature(set, "log_return_1_zscore_120"), 9);

        var range = strengths.TakeLast(120).ToArray();
        Assert.Equal((range[^1] - range.Min()) / (range.Max() - range.Min()), Feature(set, "rsi_14_minmax_120"), 12);
    }

    [Fact]
    public void WilliamsPercentRange_BitcoinMinutes_EqualsTheIndicatorScaledToAFraction()
    {
        var set = DefaultFeatureSet.Create();
        var williams = new PluginBot.Indicators.WilliamsPercentRange(14);
        var column = set.Schema.IndexOf("willr_14");
        var compared = 0;
        foreach (var bar in MarketData.BitcoinMinutes())
        {
            set.Update(bar);
            williams.Update(PluginBot.Indicators.BarSample.From(bar));
            Assert.Equal(williams.IsReady, set.IsFeatureReady(column));
            if (williams.IsReady)
            {
                Assert.Equal(williams.Value / 100, set.GetValue(column), 12);
                compared++;
            }
        }

        Assert.Equal(1440 - 13, compared);
    }

    [Fact]
    public void BoundedFeatures_BitcoinMinutes_StayInsideTheirRanges()
    {
        var set = DefaultFeatureSet.Create();
        var rows = FeatureRun.Vectors(set, MarketData.BitcoinMinutes());
        var ranges = new (string Name, float Low, float High)[]
        {
            ("obv_slope_20", -1, 1), ("cmf_20", -1, 1), ("rsi_14", 0, 1), ("mfi_14", 0, 1), ("willr_14", -1, 0),
            ("stoch_k_14_3_3", 0, 1), ("donchian_position_20", 0, 1), ("efficiency_ratio_30", 0, 1), ("rsi_14_minmax_120", 0, 1),
            ("aroon_oscillator_25", -1, 1), ("adx_14", 0, 1),
        };

        foreach (var (name, low, high) in ranges)
        {
            var column = set.Schema.IndexOf(name);
            var values = rows.Select(row => row[column]).Where(float.IsFinite).ToArray();
            Assert.NotEmpty(values);
            Assert.All(values, value => Assert.InRange(value, low, high));
        }
    }

    [Fact]
    public void TryWrite_BeforeWarmUp_WritesNaNForFeaturesNotReadyAndReturnsFalse()
    {
        var set = DefaultFeatureSet.Create();
        var vector = new float[set.Count];
        set.Update(Bar(new DateTime(2022, 12, 13, 0, 0, 0, DateTimeKind.Utc), 100m));

        Assert.False(set.TryWrite(vector));
        Assert.True(float.IsNaN(vector[set.Schema.IndexOf("log_return_1")]));
        Assert.False(set.IsFeatureReady(set.Schema.IndexOf("log_return_1")));
        Assert.True(set.IsFeatureReady(set.Schema.IndexOf("hour_sin")));
        Assert.Throws<ArgumentException>(() => set.TryWrite(new float[set.Count - 1]));
    }

    [Fact]
    public void Update_BarOfAnotherSymbolOrOutOfOrder_Throws()
    {
        var set = DefaultFeatureSet.Create();
        var first = Bar(new DateTime(2022, 12, 13, 0, 1, 0, DateTimeKind.Utc), 100m);
        set.Update(first);

        Assert.Throws<InvalidOperationException>(() => set.Update(first with { Symbol = "ETHUSDT", StartTime = first.StartTime.AddMinutes(1) }));
        Assert.Throws<InvalidOperationException>(() => set.Update(first));
        Assert.Throws<InvalidOperationException>(() => set.Update(first with { Interval = BarInterval.OneHour, StartTime = first.StartTime.AddHours(1) }));
    }

    private static double Feature(FeatureSet set, string name) => set.GetValue(set.Schema.IndexOf(name));

    private static Bar Bar(DateTime start, decimal close) =>
        new("BTCUSDT", BarInterval.OneMinute, start, close, close + 1, close - 1, close, 10m);
}
