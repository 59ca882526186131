using PluginBot.Indicators.Tests.Infrastructure;

namespace PluginBot.Indicators.Tests;

/// <summary>Momentum oscillators against Lean's reference files.</summary>
public sealed class OscillatorReferenceTests
{
    private const double Default = Expectation<IIndicator>.LeanDefaultTolerance;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RelativeStrengthIndex_LeanWilder14Reference_MatchesFromSampleFifteen(bool afterReset) =>
        ReferenceReplay.AssertMatches(
            "spy_with_indicators.txt",
            new RelativeStrengthIndex(14),
            Feed.Close,
            afterReset,
            new Expectation<RelativeStrengthIndex>("RSI 14 Wilder", indicator => indicator.Value, Default));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RelativeStrengthIndex_LeanSimple14Reference_MatchesCutlersVariant(bool afterReset) =>
        ReferenceReplay.AssertMatches(
            "spy_with_indicators.txt",
            new RelativeStrengthIndex(14, SmoothingMethod.Simple),
            Feed.Close,
            afterReset,
            new Expectation<RelativeStrengthIndex>("RSI 14", indicator => indicator.Value, 1e-3));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Stochastic_Lean12K3D5Reference_MatchesSlowKAndD(bool afterReset) =>
        ReferenceReplay.AssertMatches(
            "spy_with_stoch12k3.txt",
            new Stochastic(12, 3, 5),
            Feed.Bar,
            afterReset,
            new Expectation<Stochastic>("%D 5", indicator => indicator.D, 1e-3),
            // K exists four bars before D; compare it from then on, not only once D is ready.
            new Expectation<Stochastic>("Stochastics 12 %K 3", indicator => indicator.K, 1e-3)
            {
                IsComparable = indicator => indicator.Samples >= indicator.Period + indicator.KPeriod - 1,
            });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AverageDirectionalIndex_Lean14Reference_MatchesAdxAndBothDirectionalIndicators(bool afterReset) =>
        ReferenceReplay.AssertMatches(
            "spy_with_adx.txt",
            new AverageDirectionalIndex(14),
            Feed.Bar,
            afterReset,
            new Expectation<AverageDirectionalIndex>("ADX 14", indicator => indicator.Value, Default),
            // +DI and -DI exist from bar 15, fourteen bars before ADX; compare them from then on.
            new Expectation<AverageDirectionalIndex>("+DI14", indicator => indicator.PlusDirectionalIndicator, 1e-4)
            {
                IsComparable = indicator => indicator.AreDirectionalIndicatorsReady,
            },
            new Expectation<AverageDirectionalIndex>("-DI14", indicator => indicator.MinusDirectionalIndicator, 1e-4)
            {
                IsComparable = indicator => indicator.AreDirectionalIndicatorsReady,
            },
            new Expectation<AverageDirectionalIndex>("DX", indicator => indicator.DirectionalMovementIndex, 1e-2)
            {
                IsComparable = indicator => indicator.AreDirectionalIndicatorsReady,
            });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WilliamsPercentRange_Lean14Reference_MatchesEveryReadyRow(bool afterReset) =>
        ReferenceReplay.AssertMatches(
            "spy_with_williamsR14.txt",
            new WilliamsPercentRange(14),
            Feed.Bar,
            afterReset,
            new Expectation<WilliamsPercentRange>("Williams %R 14", indicator => indicator.Value, Default));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RateOfChange_LeanPercent50Reference_MatchesAsAFraction(bool afterReset) =>
        ReferenceReplay.AssertMatches(
            "spy_with_rocp50.txt",
            new RateOfChange(50),
            Feed.Close,
            afterReset,
            new Expectation<RateOfChange>("Rate of Change % 50", indicator => 100 * indicator.Value, 1e-3));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CommodityChannelIndex_Lean14Reference_MatchesWithinLeanTolerance(bool afterReset) =>
        ReferenceReplay.AssertMatches(
            "spy_with_cci.txt",
            new CommodityChannelIndex(14),
            Feed.Bar,
            afterReset,
            new Expectation<CommodityChannelIndex>("Commodity Channel Index (CCI) 14", indicator => indicator.Value, 1e-2));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AroonOscillator_Lean14Reference_MatchesFromBarFifteen(bool afterReset) =>
        ReferenceReplay.AssertMatches(
            "spy_aroon_oscillator.txt",
            new AroonOscillator(14),
            Feed.Bar,
            afterReset,
            new Expectation<AroonOscillator>("Aroon Oscillator 14", indicator => indicator.Value, Default));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LogReturn_Lean14ReferenceWithByteOrderMark_MatchesEveryReadyRow(bool afterReset) =>
        ReferenceReplay.AssertMatches(
            "spy_logr14.txt",
            new LogReturn(14),
            Feed.Close,
            afterReset,
            new Expectation<LogReturn>("LOGR14", indicator => indicator.Value, Default));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void HurstExponent_Lean252DayReference_MatchesAcrossTwentyThreeYears(bool afterReset) =>
        // The file's period is where its values begin (row 252); maximum lag 20 is Lean's default.
        ReferenceReplay.AssertMatches(
            "spy_hurst_exponent.csv",
            new HurstExponent(252, 20),
            Feed.Close,
            afterReset,
            new Expectation<HurstExponent>("hurst_exponent", indicator => indicator.Value, Default));
}
