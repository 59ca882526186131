using PluginBot.Indicators.Tests.Infrastructure;

namespace PluginBot.Indicators.Tests;

/// <summary>Averages and MACD against Lean's reference files (close input).</summary>
public sealed class MovingAverageReferenceTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SimpleMovingAverage_LeanSma14Reference_MatchesEveryReadyRowToTheCent(bool afterReset) =>
        // The file is rounded to 2 decimals, hence Lean's 1e-2 (its Close column is the DJIA level, not SPY).
        ReferenceReplay.AssertMatches(
            "spy_with_indicators.txt",
            new SimpleMovingAverage(14),
            Feed.Close,
            afterReset,
            new Expectation<SimpleMovingAverage>("SMA14", indicator => indicator.Value, 1e-2));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ExponentialMovingAverage_LeanMonthlyEma14Reference_MatchesEveryReadyRow(bool afterReset) =>
        ReferenceReplay.AssertMatches(
            "spy_ema.csv",
            new ExponentialMovingAverage(14),
            Feed.Close,
            afterReset,
            new Expectation<ExponentialMovingAverage>("EMA14", indicator => indicator.Value, Expectation<ExponentialMovingAverage>.LeanDefaultTolerance));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MovingAverageConvergenceDivergence_LeanMonthly12269Reference_MatchesLineSignalAndHistogram(bool afterReset) =>
        ReferenceReplay.AssertMatches(
            "spy_with_macd.txt",
            new MovingAverageConvergenceDivergence(12, 26, 9),
            Feed.Close,
            afterReset,
            new Expectation<MovingAverageConvergenceDivergence>("MACD", indicator => indicator.Value, 1e-4),
            new Expectation<MovingAverageConvergenceDivergence>("Signal", indicator => indicator.Signal, 1e-4),
            new Expectation<MovingAverageConvergenceDivergence>("Histogram", indicator => indicator.Histogram, 1e-4));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BollingerBands_LeanTalib20x2Reference_MatchesEveryBandBandWidthAndPercentB(bool afterReset) =>
        ReferenceReplay.AssertMatches(
            "spy_bollinger_bands.txt",
            new BollingerBands(20, 2),
            Feed.Close,
            afterReset,
            new Expectation<BollingerBands>("Bollinger Bands® 20 2 Bottom", indicator => indicator.Lower, 1e-3),
            new Expectation<BollingerBands>("Moving Average 20", indicator => indicator.Middle, 1e-3),
            new Expectation<BollingerBands>("Bollinger Bands® 20 2 Top", indicator => indicator.Upper, 1e-3),
            // The file shows band width in percent; the indicator reports a fraction like every ratio here.
            new Expectation<BollingerBands>("BandWidth", indicator => 100 * indicator.BandWidth, 1e-3),
            new Expectation<BollingerBands>("%B", indicator => indicator.PercentB, 1e-3));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RollingVariance_LeanVar10Reference_MatchesPopulationVariance(bool afterReset) =>
        ReferenceReplay.AssertMatches(
            "spy_var.txt",
            new RollingVariance(10),
            Feed.Close,
            afterReset,
            new Expectation<RollingVariance>("Var", indicator => indicator.Value, Expectation<RollingVariance>.LeanDefaultTolerance));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RollingStandardDeviation_LeanVar10Reference_MatchesSquareRootOfVariance(bool afterReset) =>
        // Lean's StandardDeviation test compares against sqrt(Var) at 1e-6.
        ReferenceReplay.AssertMatches(
            "spy_var.txt",
            new RollingStandardDeviation(10),
            Feed.Close,
            afterReset,
            new Expectation<RollingStandardDeviation>("Var", indicator => indicator.Value, 1e-6)
            {
                TransformExpected = Math.Sqrt,
            });
}
