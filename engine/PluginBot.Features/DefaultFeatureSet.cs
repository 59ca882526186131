using PluginBot.Indicators;
using static PluginBot.Features.FeatureSetBuilder;

namespace PluginBot.Features;

/// <summary>
/// The built-in <c>default</c> set: 46 scale-free features for machine-learning experts, so a model trained on
/// BTC at 17,000 still reads BTC at 60,000 (or another symbol) the same way. Families: returns, trend, momentum,
/// volatility, volume, regime, time and normalisation.
/// </summary>
/// <remarks>
/// <para>Scale-free means: prices enter only as ratios or log returns (distance = close/average − 1, ATR/close,
/// MACD/close, positions inside a channel in [0, 1]), oscillators published in percent are divided by 100 (their
/// schema entry says <c>scale = 0.01</c>), and volume enters only relative to recent volume.</para>
/// <para>Normalisation columns (each over the source's last 120 ready values): rolling z-scores of
/// <c>log_return_1</c>, <c>relative_volume_20</c> and <c>atr_14_ratio</c> — unbounded quantities whose typical size
/// changes with the regime — and rolling min-max positions of <c>rsi_14</c> and <c>realised_volatility_20</c> —
/// quantities whose level matters relative to their recent range. Each costs a rolling window of its own, which is
/// why only these are normalised. The slowest column is ready at bar 140.</para>
/// <para>The Hurst exponent regresses over lags 2–8: its cost grows with the number of lags (a logarithm and a rolling
/// variance each) and it dominated the per-bar budget at 20 lags, while 7 lags over 100 prices still separate
/// trending from mean-reverting stretches.</para>
/// <para>Time features use the bar's start time. Every feature at bar t depends on bars up to t only; the tests
/// prove it by altering every later bar.</para>
/// </remarks>
public static class DefaultFeatureSet
{
    /// <summary>The set's name in the catalog.</summary>
    public const string Name = "default";

    /// <summary>The set's version; bump it whenever a formula changes under an unchanged name.</summary>
    public const int Version = 1;

    private const int NormalisationPeriod = 120;
    private const double Percent = 0.01;

    /// <summary>Creates a fresh set for one symbol and interval.</summary>
    public static FeatureSet Create()
    {
        var builder = new FeatureSetBuilder(Name, Version);
        var oneBarReturn = AddReturns(builder);
        AddTrend(builder);
        AddMomentum(builder);
        AddVolatility(builder, oneBarReturn);
        AddVolume(builder);
        AddRegime(builder);
        AddTime(builder);
        builder.AddRollingZScore("log_return_1", NormalisationPeriod);
        builder.AddRollingZScore("relative_volume_20", NormalisationPeriod);
        builder.AddRollingZScore("atr_14_ratio", NormalisationPeriod);
        builder.AddRollingMinMax("rsi_14", NormalisationPeriod);
        builder.AddRollingMinMax("realised_volatility_20", NormalisationPeriod);
        return builder.Build();
    }

    /// <returns>The one-bar log return, which realised volatility reuses.</returns>
    private static LogReturn AddReturns(FeatureSetBuilder builder)
    {
        LogReturn? oneBar = null;
        foreach (var horizon in (ReadOnlySpan<int>)[1, 5, 15, 60])
        {
            var logReturn = builder.OnClose(new LogReturn(horizon));
            oneBar ??= logReturn;
            builder.Add($"log_return_{horizon}", FeatureFamily.Returns, () => When(logReturn.IsReady, logReturn.Value), Parameter("period", horizon));
        }

        return oneBar!;
    }

    private static void AddTrend(FeatureSetBuilder builder)
    {
        var bar = builder.Latest;
        foreach (var period in (ReadOnlySpan<int>)[20, 50])
        {
            var average = builder.OnClose(new SimpleMovingAverage(period));
            builder.Add($"close_sma_{period}_distance", FeatureFamily.Trend, () => When(average.IsReady, Distance(bar.Current.Close, average.Value)), Parameter("period", period));
        }

        foreach (var period in (ReadOnlySpan<int>)[12, 26])
        {
            var average = builder.OnClose(new ExponentialMovingAverage(period));
            builder.Add($"close_ema_{period}_distance", FeatureFamily.Trend, () => When(average.IsReady, Distance(bar.Current.Close, average.Value)), Parameter("period", period));
        }

        var macd = builder.OnClose(new MovingAverageConvergenceDivergence(12, 26, 9));
        FeatureParameter[] macdParameters = [Parameter("fast", 12), Parameter("slow", 26), Parameter("signal", 9), Parameter("divisor", "close")];
        builder.Add("macd_12_26_9_ratio", FeatureFamily.Trend, () => When(macd.IsReady, Ratio(macd.Value, bar.Current.Close)), macdParameters);
        builder.Add("macd_signal_12_26_9_ratio", FeatureFamily.Trend, () => When(macd.IsReady, Ratio(macd.Signal, bar.Current.Close)), macdParameters);
        builder.Add("macd_hist_12_26_9_ratio", FeatureFamily.Trend, () => When(macd.IsReady, Ratio(macd.Histogram, bar.Current.Close)), macdParameters);

        var directional = builder.OnBar(new AverageDirectionalIndex(14));
        builder.Add("adx_14", FeatureFamily.Trend, () => When(directional.IsReady, directional.Value * Percent), Parameter("period", 14), Parameter("scale", Percent));
        builder.Add(
            "directional_spread_14",
            FeatureFamily.Trend,
            () => When(directional.AreDirectionalIndicatorsReady, (directional.PlusDirectionalIndicator - directional.MinusDirectionalIndicator) * Percent),
            Parameter("period", 14),
            Parameter("scale", Percent));
        var aroon = builder.OnBar(new AroonOscillator(25));
        builder.Add("aroon_oscillator_25", FeatureFamily.Trend, () => When(aroon.IsReady, aroon.Value * Percent), Parameter("period", 25), Parameter("scale", Percent));
    }

    private static void AddMomentum(FeatureSetBuilder builder)
    {
        var strength = builder.OnClose(new RelativeStrengthIndex(14, SmoothingMethod.Wilder));
        builder.Add("rsi_14", FeatureFamily.Momentum, () => When(strength.IsReady, strength.Value * Percent), Parameter("period", 14), Parameter("scale", Percent));
        var stochastic = builder.OnBar(new Stochastic(14, 3, 3));
        FeatureParameter[] stochasticParameters = [Parameter("period", 14), Parameter("k", 3), Parameter("d", 3), Parameter("scale", Percent)];
        builder.Add("stoch_k_14_3_3", FeatureFamily.Momentum, () => When(stochastic.IsReady, stochastic.K * Percent), stochasticParameters);
        builder.Add("stoch_d_14_3_3", FeatureFamily.Momentum, () => When(stochastic.IsReady, stochastic.D * Percent), stochasticParameters);

        // Williams %R over n bars is the stochastic's raw %K over the same n bars minus 100 (both place the close in
        // the same high–low range), so it is read from the stochastic instead of tracking the range twice. Only a
        // flat range differs: the stochastic's convention (%K = 0) gives −1 where WilliamsPercentRange reports 0.
        builder.Add("willr_14", FeatureFamily.Momentum, () => When(stochastic.Samples >= stochastic.Period, (stochastic.FastK * Percent) - 1), Parameter("period", 14), Parameter("scale", Percent), Parameter("source", "stochastic_fast_k"));
        var rateOfChange = builder.OnClose(new RateOfChange(10));
        builder.Add("roc_10", FeatureFamily.Momentum, () => When(rateOfChange.IsReady, rateOfChange.Value), Parameter("period", 10));
        var channelIndex = builder.OnBar(new CommodityChannelIndex(20));
        builder.Add("cci_20", FeatureFamily.Momentum, () => When(channelIndex.IsReady, channelIndex.Value * Percent), Parameter("period", 20), Parameter("scale", Percent));
    }

    private static void AddVolatility(FeatureSetBuilder builder, LogReturn oneBarReturn)
    {
        var bar = builder.Latest;
        var averageTrueRange = builder.OnBar(new AverageTrueRange(14, SmoothingMethod.Wilder));
        builder.Add("atr_14_ratio", FeatureFamily.Volatility, () => When(averageTrueRange.IsReady, Ratio(averageTrueRange.Value, bar.Current.Close)), Parameter("period", 14), Parameter("smoothing", "wilder"), Parameter("divisor", "close"));
        var trueRange = builder.OnBar(new TrueRange());
        builder.Add("true_range_ratio", FeatureFamily.Volatility, () => When(trueRange.IsReady, Ratio(trueRange.Value, bar.Current.Close)), Parameter("divisor", "close"));

        var bollinger = builder.OnClose(new BollingerBands(20, 2));
        builder.Add("bb_bandwidth_20_2", FeatureFamily.Volatility, () => When(bollinger.IsReady, bollinger.BandWidth), Parameter("period", 20), Parameter("deviations", 2));
        builder.Add("bb_percent_b_20_2", FeatureFamily.Volatility, () => When(bollinger.IsReady, bollinger.PercentB), Parameter("period", 20), Parameter("deviations", 2));
        var keltner = builder.OnBar(new KeltnerChannels(20, 1.5));
        builder.Add("keltner_position_20_1.5", FeatureFamily.Volatility, () => When(keltner.IsReady, Position(bar.Current.Close, keltner.Lower, keltner.Upper)), Parameter("period", 20), Parameter("multiplier", 1.5));
        var donchian = builder.OnBar(new DonchianChannels(20));
        builder.Add("donchian_position_20", FeatureFamily.Volatility, () => When(donchian.IsReady, Position(bar.Current.Close, donchian.Lower, donchian.Upper)), Parameter("period", 20));
        builder.Add("donchian_width_20", FeatureFamily.Volatility, () => When(donchian.IsReady, Ratio(donchian.Upper - donchian.Lower, bar.Current.Close)), Parameter("period", 20), Parameter("divisor", "close"));

        // Realised volatility: the population standard deviation of one-bar log returns, per bar (not annualised,
        // so it means the same at every interval's own scale). It reuses log_return_1's indicator, which has already
        // taken this bar because derived steps run after every indicator.
        var shortVolatility = new RollingStandardDeviation(20);
        var longVolatility = new RollingStandardDeviation(60);
        builder.OnEachBar((in BarSample _) =>
        {
            if (oneBarReturn.IsReady)
            {
                shortVolatility.Update(oneBarReturn.Value);
                longVolatility.Update(oneBarReturn.Value);
            }
        });
        builder.Add("realised_volatility_20", FeatureFamily.Volatility, () => When(shortVolatility.IsReady, shortVolatility.Value), Parameter("period", 20), Parameter("return", "log_return_1"));
        builder.Add("realised_volatility_60", FeatureFamily.Volatility, () => When(longVolatility.IsReady, longVolatility.Value), Parameter("period", 60), Parameter("return", "log_return_1"));
    }

    private static void AddVolume(FeatureSetBuilder builder)
    {
        const int period = 20;
        var bar = builder.Latest;
        var balance = builder.OnBar(new OnBalanceVolume());
        var balanceHistory = new RollingWindow<double>(period + 1);
        var meanVolume = new SimpleMovingAverage(period);
        builder.OnEachBar((in BarSample sample) =>
        {
            balanceHistory.Add(balance.Value);
            meanVolume.Update(sample.Volume);
        });

        // OBV's level depends on where counting began; its change over n bars divided by the volume traded in them is
        // the net share of volume on up-closes, in [−1, 1], whatever the symbol's typical volume.
        builder.Add(
            "obv_slope_20",
            FeatureFamily.Volume,
            () => When(balanceHistory.IsFull && meanVolume.IsReady, Ratio(balanceHistory.Newest - balanceHistory.Oldest, meanVolume.Value * period)),
            Parameter("period", period));
        builder.Add("relative_volume_20", FeatureFamily.Volume, () => When(meanVolume.IsReady, Ratio(bar.Current.Volume, meanVolume.Value)), Parameter("period", period));
        var weightedPrice = builder.OnBar(new VolumeWeightedAveragePrice(period));
        builder.Add("vwap_distance_20", FeatureFamily.Volume, () => When(weightedPrice.IsReady, Distance(bar.Current.Close, weightedPrice.Value)), Parameter("period", period));
        var chaikin = builder.OnBar(new ChaikinMoneyFlow(period));
        builder.Add("cmf_20", FeatureFamily.Volume, () => When(chaikin.IsReady, chaikin.Value), Parameter("period", period));
        var moneyFlow = builder.OnBar(new MoneyFlowIndex(14));
        builder.Add("mfi_14", FeatureFamily.Volume, () => When(moneyFlow.IsReady, moneyFlow.Value * Percent), Parameter("period", 14), Parameter("scale", Percent));
    }

    private static void AddRegime(FeatureSetBuilder builder)
    {
        var hurst = builder.OnClose(new HurstExponent(100, 8));
        builder.Add("hurst_100", FeatureFamily.Regime, () => When(hurst.IsReady, hurst.Value), Parameter("period", 100), Parameter("maximum_lag", 8));
        foreach (var period in (ReadOnlySpan<int>)[10, 30])
        {
            var efficiency = builder.OnClose(new EfficiencyRatio(period));
            builder.Add($"efficiency_ratio_{period}", FeatureFamily.Regime, () => When(efficiency.IsReady, efficiency.Value), Parameter("period", period));
        }
    }

    private static void AddTime(FeatureSetBuilder builder)
    {
        var time = new CyclicalTime();
        builder.OnEachBar((in BarSample sample) => time.Update(sample.Time));
        FeatureParameter[] dayParameters = [Parameter("cycle", "day"), Parameter("time", "bar_start_utc")];
        FeatureParameter[] weekParameters = [Parameter("cycle", "week"), Parameter("time", "bar_start_utc"), Parameter("first_day", "monday")];
        builder.Add("hour_sin", FeatureFamily.Time, () => time.HourSine, dayParameters);
        builder.Add("hour_cos", FeatureFamily.Time, () => time.HourCosine, dayParameters);
        builder.Add("day_of_week_sin", FeatureFamily.Time, () => time.DaySine, weekParameters);
        builder.Add("day_of_week_cos", FeatureFamily.Time, () => time.DayCosine, weekParameters);
    }

    /// <summary>value/reference − 1, or 0 when the reference is 0 (only possible before real prices arrive).</summary>
    private static double Distance(double value, double reference) => reference != 0 ? (value / reference) - 1 : 0;

    private static double Ratio(double numerator, double denominator) => denominator != 0 ? numerator / denominator : 0;

    /// <summary>Where the value sits between lower (0) and upper (1); 0.5 when the channel has no width.</summary>
    private static double Position(double value, double lower, double upper) => upper > lower ? (value - lower) / (upper - lower) : 0.5;
}
