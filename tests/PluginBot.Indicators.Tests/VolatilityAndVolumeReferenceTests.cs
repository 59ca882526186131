using System.Globalization;
using PluginBot.Indicators.Tests.Infrastructure;

namespace PluginBot.Indicators.Tests;

/// <summary>Range, channel and volume indicators against Lean's reference files (bar input).</summary>
public sealed class VolatilityAndVolumeReferenceTests
{
    private const double Default = Expectation<IIndicator>.LeanDefaultTolerance;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TrueRange_LeanReference_MatchesFromTheSecondBar(bool afterReset) =>
        ReferenceReplay.AssertMatches(
            "spy_tr.txt",
            new TrueRange(),
            Feed.Bar,
            afterReset,
            new Expectation<TrueRange>("TR", indicator => indicator.Value, Default));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AverageTrueRange_LeanWilder14Reference_MatchesWithSeedIncludingBarOne(bool afterReset) =>
        ReferenceReplay.AssertMatches(
            "spy_atr_wilder.txt",
            new AverageTrueRange(14, SmoothingMethod.Wilder),
            Feed.Bar,
            afterReset,
            new Expectation<AverageTrueRange>("Average True Range 14", indicator => indicator.Value, Default));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AverageTrueRange_LeanSimple14Reference_MatchesPlainMeanOfTrueRange(bool afterReset) =>
        ReferenceReplay.AssertMatches(
            "spy_atr.txt",
            new AverageTrueRange(14, SmoothingMethod.Simple),
            Feed.Bar,
            afterReset,
            new Expectation<AverageTrueRange>("Average True Range 14", indicator => indicator.Value, 1e-3));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void KeltnerChannels_Lean20x1Point5Reference_MatchesAllThreeLines(bool afterReset) =>
        ReferenceReplay.AssertMatches(
            "spy_with_keltner.csv",
            new KeltnerChannels(20, 1.5),
            Feed.Bar,
            afterReset,
            new Expectation<KeltnerChannels>("Middle Band", indicator => indicator.Middle, 1e-3),
            new Expectation<KeltnerChannels>("Keltner Channels 20 Top", indicator => indicator.Upper, 1e-3),
            new Expectation<KeltnerChannels>("Keltner Channels 20 Bottom", indicator => indicator.Lower, 1e-3));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DonchianChannels_Lean50Reference_MatchesTopAndBottomExactly(bool afterReset) =>
        ReferenceReplay.AssertMatches(
            "spy_with_don50.txt",
            new DonchianChannels(50),
            Feed.Bar,
            afterReset,
            new Expectation<DonchianChannels>("Donchian Channels 50 Top", indicator => indicator.Upper, 0),
            new Expectation<DonchianChannels>("Donchian Channels 50 Bottom", indicator => indicator.Lower, 0),
            new Expectation<DonchianChannels>("Donchian Channels 50 Mean", indicator => indicator.Middle, Default));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OnBalanceVolume_LeanReference_MatchesToThreeSignificantDigits(bool afterReset) =>
        // Lean compares OBV as strings formatted "0.##E-00" because the file keeps only 3-4 significant digits.
        ReferenceReplay.AssertMatches(
            "spy_with_obv.txt",
            new OnBalanceVolume(),
            Feed.Bar,
            afterReset,
            new Expectation<OnBalanceVolume>("OBV", indicator => indicator.Value, 0)
            {
                Matches = (expected, actual) =>
                    expected.ToString("0.##E-00", CultureInfo.InvariantCulture) == actual.ToString("0.##E-00", CultureInfo.InvariantCulture),
            });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void VolumeWeightedAveragePrice_LeanMoving50Reference_MatchesEveryReadyRow(bool afterReset) =>
        ReferenceReplay.AssertMatches(
            "spy_with_vwap.txt",
            new VolumeWeightedAveragePrice(50),
            Feed.Bar,
            afterReset,
            new Expectation<VolumeWeightedAveragePrice>("Moving VWAP 50", indicator => indicator.Value, Default));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ChaikinMoneyFlow_Lean20Reference_MatchesOnceTwentyBarsAreIn(bool afterReset) =>
        ReferenceReplay.AssertMatches(
            "spy_cmf.txt",
            new ChaikinMoneyFlow(20),
            Feed.Bar,
            afterReset,
            new Expectation<ChaikinMoneyFlow>("CMF_20", indicator => indicator.Value, Default));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MoneyFlowIndex_Lean20Reference_MatchesFromBarTwentyOne(bool afterReset) =>
        ReferenceReplay.AssertMatches(
            "spy_mfi.txt",
            new MoneyFlowIndex(20),
            Feed.Bar,
            afterReset,
            new Expectation<MoneyFlowIndex>("Money Flow Index 20", indicator => indicator.Value, Default));
}
