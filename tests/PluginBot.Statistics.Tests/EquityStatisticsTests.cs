using PluginBot.Statistics;

namespace PluginBot.Statistics.Tests;

/// <summary>
/// Hand-computed equity curves. Ratios that go through double (mean, deviations, Sharpe, Sortino, growth rate) are
/// compared with a relative tolerance of 1e-12: double carries about 16 significant digits and these values pass
/// through a handful of operations (Welford updates, a square root, a power), which cost a few units in the last
/// place — four orders of magnitude below the tolerance — while any wrong definition (n instead of n − 1, a missing
/// square root, another annualisation) moves the result in the first or second digit. Decimal results are exact.
/// </summary>
public sealed class EquityStatisticsTests
{
    private const double RelativeTolerance = 1e-12;
    private static readonly DateTime Start = new(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Summarize_FiveSampleCurve_MatchesHandComputedStatistics()
    {
        // Equity 100 → 110 → 88 → 99 → 123.75. The first four samples are a day apart; the last is at
        // Start + 730.5 days (two years of 365.25 days) so the growth rate has a known exponent of 1/2.
        var statistics = new EquityStatistics();
        statistics.Add(Start, 100m);
        statistics.Add(Start.AddDays(1), 110m);
        statistics.Add(Start.AddDays(2), 88m);
        statistics.Add(Start.AddDays(3), 99m);
        statistics.Add(Start.AddDays(730.5), 123.75m);

        var summary = statistics.Summarize(periodsPerYear: 252);

        // Period returns: 110/100 − 1 = 0.10, 88/110 − 1 = −0.20, 99/88 − 1 = 0.125, 123.75/99 − 1 = 0.25.
        // Mean = (0.10 − 0.20 + 0.125 + 0.25) / 4 = 0.275 / 4 = 0.06875.
        AssertClose(0.06875, statistics.MeanReturn);

        // Deviations from the mean: 0.03125, −0.26875, 0.05625, 0.18125; squares 0.0009765625, 0.0722265625,
        // 0.0031640625, 0.0328515625; sum 0.10921875. Sample variance = 0.10921875 / 3 = 0.03640625;
        // standard deviation = sqrt(0.03640625) = 0.19080421903092185...
        AssertClose(0.1908042190309218503, statistics.ReturnStandardDeviation);

        // Downside: only −0.20 is below zero; sqrt(0.04 / 4) = sqrt(0.01) = 0.1.
        AssertClose(0.1, statistics.DownsideDeviation);

        // sqrt(252) = 15.874507866387543...
        // Volatility = 0.19080421903092185 × 15.874507866387543 = 3.0289230759463007...
        // Sharpe = 0.06875 / 0.19080421903092185 × 15.874507866387543 = 5.7198547356925851...
        // Sortino = 0.06875 / 0.1 × 15.874507866387543 = 10.913724158141436...
        AssertClose(3.0289230759463007531, summary.AnnualizedVolatility);
        AssertClose(5.7198547356925851132, summary.SharpeRatio);
        AssertClose(10.913724158141436186, summary.SortinoRatio);

        // Total return = 123.75 / 100 − 1 = 0.2375; over two years CAGR = sqrt(1.2375) − 1 = 0.11242977306434944...
        Assert.Equal(0.2375m, summary.TotalReturn);
        AssertClose(0.11242977306434944231, summary.CompoundAnnualGrowthRate);

        // Peak 110 on day 1, trough 88 on day 2: (110 − 88) / 110 = 0.2. Equity regains 110 only at the last
        // sample (99 on day 3 is still below), so the drawdown lasts from day 1 to day 730.5: 729.5 days.
        Assert.Equal(0.2m, summary.MaximumDrawdown);
        Assert.Equal(TimeSpan.FromDays(729.5), summary.MaximumDrawdownDuration);

        Assert.Equal(5, summary.Samples);
        Assert.Equal(4, summary.ReturnPeriods);
        Assert.Equal(Start, summary.StartTime);
        Assert.Equal(Start.AddDays(730.5), summary.EndTime);
        Assert.Equal(100m, summary.StartEquity);
        Assert.Equal(123.75m, summary.EndEquity);
        Assert.False(summary.AccountDepleted);
    }

    [Fact]
    public void Summarize_RisingCurveWithFlatStep_HasNoDrawdownAndNoDownside()
    {
        // 100 → 100 → 105 → 110.25: returns 0, 0.05, 0.05. A flat step is not a drawdown.
        var statistics = new EquityStatistics();
        statistics.Add(Start, 100m);
        statistics.Add(Start.AddDays(1), 100m);
        statistics.Add(Start.AddDays(2), 105m);
        statistics.Add(Start.AddDays(3), 110.25m);

        var summary = statistics.Summarize(periodsPerYear: 365);

        Assert.Equal(0m, summary.MaximumDrawdown);
        Assert.Equal(TimeSpan.Zero, summary.MaximumDrawdownDuration);
        Assert.Equal(0, statistics.DownsideDeviation);
        Assert.Equal(0, summary.SortinoRatio);
        Assert.Equal(110.25m, statistics.PeakEquity);
        Assert.Equal(0.1025m, summary.TotalReturn);

        // Mean = 0.1 / 3 = 0.0333...; deviations −1/30, 1/60, 1/60; squares sum to 1/900 + 2/3600 = 1/600;
        // sample variance = 1/1200; Sharpe = (1/30) / sqrt(1/1200) × sqrt(365) = sqrt(1200)/30 × sqrt(365) = 22.06...
        AssertClose(Math.Sqrt(1200) / 30 * Math.Sqrt(365), summary.SharpeRatio);
    }

    [Fact]
    public void Summarize_CurveThatNeverRecovers_CountsDurationUntilLastSample()
    {
        // Peak 120 at hour 1; 90, 95, 100 afterwards never regain it. Drawdown (120 − 90) / 120 = 0.25,
        // lasting from hour 1 to the last sample at hour 4: three hours.
        var statistics = new EquityStatistics();
        statistics.Add(Start, 100m);
        statistics.Add(Start.AddHours(1), 120m);
        statistics.Add(Start.AddHours(2), 90m);
        statistics.Add(Start.AddHours(3), 95m);
        statistics.Add(Start.AddHours(4), 100m);

        var summary = statistics.Summarize(periodsPerYear: 24 * 365.25);

        Assert.Equal(0.25m, summary.MaximumDrawdown);
        Assert.Equal(TimeSpan.FromHours(3), summary.MaximumDrawdownDuration);
        Assert.Equal(0m, summary.TotalReturn);
    }

    [Fact]
    public void Summarize_LaterLongerDrawdownAfterRecovery_ReportsTheLongest()
    {
        // First drawdown: peak at day 0, regained at day 2 (2 days). Second: peak 104 at day 2, still under
        // water at the last sample on day 7 (5 days) though shallower: 4/104 against 10/100.
        var statistics = new EquityStatistics();
        statistics.Add(Start, 100m);
        statistics.Add(Start.AddDays(1), 90m);
        statistics.Add(Start.AddDays(2), 104m);
        statistics.Add(Start.AddDays(7), 100m);

        var summary = statistics.Summarize(periodsPerYear: 252);

        Assert.Equal(0.1m, summary.MaximumDrawdown);
        Assert.Equal(TimeSpan.FromDays(5), summary.MaximumDrawdownDuration);
    }

    [Fact]
    public void Add_EquityFallsToZeroAndBelow_RecordsMinusOneHundredPercentAndStopsReturns()
    {
        // 100 → 50 (−50%) → 0 (depleted: −100%) → −20 and 10 add no returns.
        var statistics = new EquityStatistics();
        statistics.Add(Start, 100m);
        statistics.Add(Start.AddDays(1), 50m);
        statistics.Add(Start.AddDays(2), 0m);
        statistics.Add(Start.AddDays(3), -20m);
        statistics.Add(Start.AddDays(4), 10m);

        var summary = statistics.Summarize(periodsPerYear: 252);

        Assert.True(summary.AccountDepleted);
        Assert.Equal(2, summary.ReturnPeriods);
        Assert.Equal(5, summary.Samples);
        AssertClose(-0.75, statistics.MeanReturn);
        Assert.Equal(-1m, summary.TotalReturn);
        Assert.Equal(-1.0, summary.CompoundAnnualGrowthRate);
        Assert.Equal(1m, summary.MaximumDrawdown);
        Assert.Equal(10m, summary.EndEquity);
        Assert.All(
            new[] { summary.CompoundAnnualGrowthRate, summary.AnnualizedVolatility, summary.SharpeRatio, summary.SortinoRatio },
            value => Assert.True(double.IsFinite(value), $"{value} is not finite"));
    }

    [Fact]
    public void Summarize_SingleSample_HasZeroRatiosAndZeroGrowthRate()
    {
        var statistics = new EquityStatistics();
        statistics.Add(Start, 1_000m);

        var summary = statistics.Summarize(periodsPerYear: 252);

        Assert.Equal(0, summary.ReturnPeriods);
        Assert.Equal(0m, summary.TotalReturn);
        Assert.Equal(0, summary.CompoundAnnualGrowthRate);
        Assert.Equal(0, summary.SharpeRatio);
        Assert.Equal(0, summary.SortinoRatio);
        Assert.Equal(0, summary.AnnualizedVolatility);
    }

    [Fact]
    public void Summarize_TwoSamples_HasNoStandardDeviationSoSharpeIsZero()
    {
        var statistics = new EquityStatistics();
        statistics.Add(Start, 100m);
        statistics.Add(Start.AddDays(1), 101m);

        var summary = statistics.Summarize(periodsPerYear: 252);

        Assert.Equal(0, summary.SharpeRatio);
        Assert.Equal(0.01m, summary.TotalReturn);
    }

    [Fact]
    public void Summarize_HugeGainOverOneMinute_CapsGrowthRateAtLargestFiniteNumber()
    {
        var statistics = new EquityStatistics();
        statistics.Add(Start, 100m);
        statistics.Add(Start.AddMinutes(1), 200m);

        // 2^(525,960) overflows double; the summary stays finite.
        Assert.Equal(double.MaxValue, statistics.Summarize(periodsPerYear: 525_960).CompoundAnnualGrowthRate);
    }

    [Fact]
    public void Add_FirstEquityNotPositive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EquityStatistics().Add(Start, 0m));
    }

    [Fact]
    public void Add_TimeGoesBackwards_Throws()
    {
        var statistics = new EquityStatistics();
        statistics.Add(Start, 100m);

        Assert.Throws<ArgumentException>(() => statistics.Add(Start.AddSeconds(-1), 100m));
    }

    [Fact]
    public void Summarize_NoSamples_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new EquityStatistics().Summarize(periodsPerYear: 252));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-252.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Summarize_PeriodsPerYearNotPositiveFinite_Throws(double periodsPerYear)
    {
        var statistics = new EquityStatistics();
        statistics.Add(Start, 100m);

        Assert.Throws<ArgumentOutOfRangeException>(() => statistics.Summarize(periodsPerYear));
    }

    [Fact]
    public void Add_HundredThousandSamples_AllocatesNothing()
    {
        // JIT-compile Add on a throwaway instance first so compilation is not measured.
        Feed(new EquityStatistics(), 1_000);

        var statistics = new EquityStatistics();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Feed(statistics, 100_000);
        var after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(before, after);
        Assert.Equal(100_000, statistics.Samples);
        Assert.True(statistics.MaximumDrawdown > 0m, "the curve should have exercised the drawdown path");
    }

    private static void Feed(EquityStatistics statistics, int count)
    {
        // A deterministic saw-tooth: rises 1 a step for 9 steps, then drops 12, so peaks, drawdowns and recoveries all occur.
        var equity = 10_000m;
        for (var step = 0; step < count; step++)
        {
            equity += step % 10 == 9 ? -12m : 1m;
            statistics.Add(Start.AddMinutes(step), equity);
        }
    }

    private static void AssertClose(double expected, double actual)
    {
        var scale = Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(Math.Abs(expected - actual) <= RelativeTolerance * scale, $"expected {expected:R}, got {actual:R} (relative tolerance {RelativeTolerance})");
    }
}
