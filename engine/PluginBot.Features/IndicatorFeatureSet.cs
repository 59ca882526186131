using PluginBot.Indicators;
using static PluginBot.Features.FeatureSetBuilder;

namespace PluginBot.Features;

/// <summary>
/// The built-in <c>indicators</c> set: raw indicator values with standard parameters, in the units each indicator
/// publishes (prices, volume totals, percent, RSI 0–100, rate of change as a fraction). It is a technical-analysis
/// calculator for users and the raw material of the other sets; its column names are fixed by issue 3 and must not
/// change without a version bump.
/// </summary>
/// <remarks>
/// Each column is ready exactly when its indicator says so, except two lines that exist before their indicator's
/// last output: the MACD line (from bar 26, while the signal and histogram need 8 more) and the stochastic %K (from
/// bar 16, while %D needs 2 more).
/// </remarks>
public static class IndicatorFeatureSet
{
    /// <summary>The set's name in the catalog.</summary>
    public const string Name = "indicators";

    /// <summary>The set's version.</summary>
    public const int Version = 1;

    /// <summary>Creates a fresh set for one symbol and interval.</summary>
    public static FeatureSet Create()
    {
        var builder = new FeatureSetBuilder(Name, Version);
        const FeatureFamily family = FeatureFamily.Indicator;

        var simple = builder.OnClose(new SimpleMovingAverage(14));
        builder.Add("sma_14", family, () => When(simple.IsReady, simple.Value), Parameter("period", 14));
        var exponential = builder.OnClose(new ExponentialMovingAverage(14));
        builder.Add("ema_14", family, () => When(exponential.IsReady, exponential.Value), Parameter("period", 14));
        var weighted = builder.OnClose(new WeightedMovingAverage(14));
        builder.Add("wma_14", family, () => When(weighted.IsReady, weighted.Value), Parameter("period", 14));
        var strength = builder.OnClose(new RelativeStrengthIndex(14, SmoothingMethod.Wilder));
        builder.Add("rsi_14", family, () => When(strength.IsReady, strength.Value), Parameter("period", 14), Parameter("smoothing", "wilder"));

        var macd = builder.OnClose(new MovingAverageConvergenceDivergence(12, 26, 9));
        FeatureParameter[] macdParameters = [Parameter("fast", 12), Parameter("slow", 26), Parameter("signal", 9)];
        builder.Add("macd_12_26_9", family, () => When(macd.Samples >= macd.SlowPeriod, macd.Value), macdParameters);
        builder.Add("macd_signal_12_26_9", family, () => When(macd.IsReady, macd.Signal), macdParameters);
        builder.Add("macd_hist_12_26_9", family, () => When(macd.IsReady, macd.Histogram), macdParameters);

        var bollinger = builder.OnClose(new BollingerBands(20, 2));
        FeatureParameter[] bollingerParameters = [Parameter("period", 20), Parameter("deviations", 2)];
        builder.Add("bb_upper_20_2", family, () => When(bollinger.IsReady, bollinger.Upper), bollingerParameters);
        builder.Add("bb_middle_20_2", family, () => When(bollinger.IsReady, bollinger.Middle), bollingerParameters);
        builder.Add("bb_lower_20_2", family, () => When(bollinger.IsReady, bollinger.Lower), bollingerParameters);

        var averageTrueRange = builder.OnBar(new AverageTrueRange(14, SmoothingMethod.Wilder));
        builder.Add("atr_14", family, () => When(averageTrueRange.IsReady, averageTrueRange.Value), Parameter("period", 14), Parameter("smoothing", "wilder"));
        var williams = builder.OnBar(new WilliamsPercentRange(14));
        builder.Add("willr_14", family, () => When(williams.IsReady, williams.Value), Parameter("period", 14));
        var channelIndex = builder.OnBar(new CommodityChannelIndex(20));
        builder.Add("cci_20", family, () => When(channelIndex.IsReady, channelIndex.Value), Parameter("period", 20));
        var rateOfChange = builder.OnClose(new RateOfChange(10));
        builder.Add("roc_10", family, () => When(rateOfChange.IsReady, rateOfChange.Value), Parameter("period", 10));
        var balance = builder.OnBar(new OnBalanceVolume());
        builder.Add("obv", family, () => When(balance.IsReady, balance.Value));
        var directional = builder.OnBar(new AverageDirectionalIndex(14));
        builder.Add("adx_14", family, () => When(directional.IsReady, directional.Value), Parameter("period", 14));

        var stochastic = builder.OnBar(new Stochastic(14, 3, 3));
        FeatureParameter[] stochasticParameters = [Parameter("period", 14), Parameter("k", 3), Parameter("d", 3)];
        builder.Add("stoch_k_14_3_3", family, () => When(stochastic.Samples >= stochastic.Period + stochastic.KPeriod - 1, stochastic.K), stochasticParameters);
        builder.Add("stoch_d_14_3_3", family, () => When(stochastic.IsReady, stochastic.D), stochasticParameters);

        var moneyFlow = builder.OnBar(new MoneyFlowIndex(14));
        builder.Add("mfi_14", family, () => When(moneyFlow.IsReady, moneyFlow.Value), Parameter("period", 14));
        var donchian = builder.OnBar(new DonchianChannels(20));
        builder.Add("donchian_upper_20", family, () => When(donchian.IsReady, donchian.Upper), Parameter("period", 20));
        builder.Add("donchian_lower_20", family, () => When(donchian.IsReady, donchian.Lower), Parameter("period", 20));
        return builder.Build();
    }
}
