using PluginBot.Features.Tests.Infrastructure;
using PluginBot.Indicators;

namespace PluginBot.Features.Tests;

public sealed class IndicatorFeatureSetTests
{
    private static readonly string[] IssueColumns =
    [
        "sma_14", "ema_14", "wma_14", "rsi_14", "macd_12_26_9", "macd_signal_12_26_9", "macd_hist_12_26_9",
        "bb_upper_20_2", "bb_middle_20_2", "bb_lower_20_2", "atr_14", "willr_14", "cci_20", "roc_10", "obv", "adx_14",
        "stoch_k_14_3_3", "stoch_d_14_3_3", "mfi_14", "donchian_upper_20", "donchian_lower_20",
    ];

    [Fact]
    public void Schema_Columns_EqualTheIssueListInOrder()
    {
        var schema = IndicatorFeatureSet.Create().Schema;

        Assert.Equal("indicators", schema.Name);
        Assert.Equal(IssueColumns, schema.Features.Select(feature => feature.Name));
        Assert.Equal("wilder", schema.Features[schema.IndexOf("atr_14")].GetParameter("smoothing"));
    }

    [Fact]
    public void Vectors_BitcoinMinutes_EqualTheUnderlyingIndicatorsFedTheSameBars()
    {
        var bars = MarketData.BitcoinMinutes();
        var set = IndicatorFeatureSet.Create();
        var simple = new SimpleMovingAverage(14);
        var exponential = new ExponentialMovingAverage(14);
        var weighted = new WeightedMovingAverage(14);
        var strength = new RelativeStrengthIndex(14);
        var macd = new MovingAverageConvergenceDivergence(12, 26, 9);
        var bollinger = new BollingerBands(20, 2);
        var averageTrueRange = new AverageTrueRange(14, SmoothingMethod.Wilder);
        var williams = new WilliamsPercentRange(14);
        var channelIndex = new CommodityChannelIndex(20);
        var rateOfChange = new RateOfChange(10);
        var balance = new OnBalanceVolume();
        var directional = new AverageDirectionalIndex(14);
        var stochastic = new Stochastic(14, 3, 3);
        var moneyFlow = new MoneyFlowIndex(14);
        var donchian = new DonchianChannels(20);
        var vector = new float[set.Count];
        var expected = new double?[set.Count];

        for (var index = 0; index < bars.Length; index++)
        {
            set.Update(bars[index]);
            set.TryWrite(vector);
            var sample = BarSample.From(bars[index]);
            foreach (var indicator in new IValueIndicator[] { simple, exponential, weighted, strength, macd, bollinger, rateOfChange })
            {
                indicator.Update(sample.Close);
            }

            foreach (var indicator in new IBarIndicator[] { averageTrueRange, williams, channelIndex, balance, directional, stochastic, moneyFlow, donchian })
            {
                indicator.Update(sample);
            }

            expected[0] = simple.IsReady ? simple.Value : null;
            expected[1] = exponential.IsReady ? exponential.Value : null;
            expected[2] = weighted.IsReady ? weighted.Value : null;
            expected[3] = strength.IsReady ? strength.Value : null;
            expected[4] = index + 1 >= 26 ? macd.Value : null;
            expected[5] = macd.IsReady ? macd.Signal : null;
            expected[6] = macd.IsReady ? macd.Histogram : null;
            expected[7] = bollinger.IsReady ? bollinger.Upper : null;
            expected[8] = bollinger.IsReady ? bollinger.Middle : null;
            expected[9] = bollinger.IsReady ? bollinger.Lower : null;
            expected[10] = averageTrueRange.IsReady ? averageTrueRange.Value : null;
            expected[11] = williams.IsReady ? williams.Value : null;
            expected[12] = channelIndex.IsReady ? channelIndex.Value : null;
            expected[13] = rateOfChange.IsReady ? rateOfChange.Value : null;
            expected[14] = balance.Value;
            expected[15] = directional.IsReady ? directional.Value : null;
            expected[16] = index + 1 >= 16 ? stochastic.K : null;
            expected[17] = stochastic.IsReady ? stochastic.D : null;
            expected[18] = moneyFlow.IsReady ? moneyFlow.Value : null;
            expected[19] = donchian.IsReady ? donchian.Upper : null;
            expected[20] = donchian.IsReady ? donchian.Lower : null;
            for (var column = 0; column < set.Count; column++)
            {
                if (expected[column] is { } value)
                {
                    Assert.True((float)value == vector[column], $"{IssueColumns[column]} at bar {index}: expected {(float)value}, wrote {vector[column]}");
                    Assert.True(set.IsFeatureReady(column));
                }
                else
                {
                    Assert.True(float.IsNaN(vector[column]), $"{IssueColumns[column]} at bar {index} should not be ready yet");
                }
            }
        }

        Assert.True(set.IsReady);
    }

    [Fact]
    public void Vectors_BitcoinMinutes_EveryColumnBecomesReadyAtItsIndicatorsWarmUp()
    {
        var rows = FeatureRun.Vectors(IndicatorFeatureSet.Create(), MarketData.BitcoinMinutes());
        var firstReadyBar = Enumerable.Range(0, IssueColumns.Length)
            .ToDictionary(column => IssueColumns[column], column => Array.FindIndex(rows, row => !float.IsNaN(row[column])) + 1);

        // Warm-ups in bars: SMA/EMA/WMA n; RSI n + 1; MACD line 26, signal 26 + 9 − 1; ADX 2n; stochastic K n + k − 1, D + d − 1.
        Assert.Equal(14, firstReadyBar["sma_14"]);
        Assert.Equal(15, firstReadyBar["rsi_14"]);
        Assert.Equal(26, firstReadyBar["macd_12_26_9"]);
        Assert.Equal(34, firstReadyBar["macd_signal_12_26_9"]);
        Assert.Equal(28, firstReadyBar["adx_14"]);
        Assert.Equal(16, firstReadyBar["stoch_k_14_3_3"]);
        Assert.Equal(18, firstReadyBar["stoch_d_14_3_3"]);
        Assert.Equal(1, firstReadyBar["obv"]);
        Assert.Equal(11, firstReadyBar["roc_10"]);
    }
}
