namespace PluginBot.Statistics;

/// <summary>
/// The headline numbers of an equity curve, as <see cref="EquityStatistics.Summarize(double)"/> computes them at the
/// end of a backtest (or at any moment of a live run). Amounts are <see cref="decimal"/> like the account; the
/// return ratio and drawdown are <see cref="decimal"/> because they are exact quotients of amounts; the annualised
/// figures are <see cref="double"/> because they need powers and square roots.
/// </summary>
/// <param name="TotalReturn">Last equity over first equity, minus one (0.10 for +10%); −1 once the account was depleted.</param>
/// <param name="CompoundAnnualGrowthRate">
/// The yearly rate that compounds the first equity into the last over the elapsed time, with a year of 365.25 days;
/// 0 when no time elapsed. Over windows much shorter than a year the exponent is large and the rate extreme (a 1%
/// gain in one day is about +3,700% a year); it is capped at <see cref="double.MaxValue"/> rather than infinity.
/// </param>
/// <param name="AnnualizedVolatility">The sample standard deviation of period returns times the square root of the periods per year.</param>
/// <param name="SharpeRatio">Mean period return over its standard deviation, annualised, with a risk-free rate of 0; 0 when undefined.</param>
/// <param name="SortinoRatio">Mean period return over the downside deviation, annualised; 0 when no period lost money.</param>
/// <param name="MaximumDrawdown">The deepest fall from a peak as a fraction of that peak (0.25 for −25%), 1 for a depleted account.</param>
/// <param name="MaximumDrawdownDuration">The longest time from a peak until equity regained it, or until the last sample if it never did.</param>
/// <param name="Samples">How many equity samples were added.</param>
/// <param name="ReturnPeriods">How many period returns entered the mean and deviations (samples − 1 unless the account was depleted).</param>
/// <param name="StartTime">The time of the first sample.</param>
/// <param name="EndTime">The time of the last sample.</param>
/// <param name="StartEquity">The first equity.</param>
/// <param name="EndEquity">The last equity, as reported (it may be zero or negative once the account is depleted).</param>
/// <param name="AccountDepleted">True when equity reached zero or below at some sample, which ends the return series.</param>
public sealed record PerformanceSummary(
    decimal TotalReturn,
    double CompoundAnnualGrowthRate,
    double AnnualizedVolatility,
    double SharpeRatio,
    double SortinoRatio,
    decimal MaximumDrawdown,
    TimeSpan MaximumDrawdownDuration,
    long Samples,
    long ReturnPeriods,
    DateTime StartTime,
    DateTime EndTime,
    decimal StartEquity,
    decimal EndEquity,
    bool AccountDepleted);
