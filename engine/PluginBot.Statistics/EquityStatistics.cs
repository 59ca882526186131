namespace PluginBot.Statistics;

/// <summary>
/// Accumulates an equity curve one sample at a time — the backtest engine adds one per bar — and keeps only running
/// sums, so <see cref="Add(DateTime, decimal)"/> is O(1) and allocates nothing however long the run is.
/// </summary>
/// <remarks>
/// <para>Each sample after the first defines a period return r = equity / previous equity − 1. Mean and sample
/// variance of the returns use Welford's update in <see cref="double"/> (stable without keeping the samples); the
/// downside deviation is sqrt(Σ min(r, 0)² / n), a semi-deviation around zero over all n periods.</para>
/// <para>Depleted account: the first sample must be positive. When a later sample is zero or negative the account
/// is depleted: that period's return is recorded as −100% (a ratio of a negative number has no meaning as a
/// return), no further returns are accumulated, the drawdown is 100%, and
/// <see cref="PerformanceSummary.TotalReturn"/> and <see cref="PerformanceSummary.CompoundAnnualGrowthRate"/> are −1
/// even if equity later turns positive again. No statistic becomes NaN or infinite.</para>
/// <para>Times are UTC and must not go backwards; equal times are allowed (two samples in the same instant still
/// make a period). A local time is rejected because it would distort durations across daylight-saving changes.</para>
/// <para>Not thread-safe: one instance belongs to one strategy's event loop.</para>
/// </remarks>
public sealed class EquityStatistics
{
    /// <summary>The length of the year the growth rate is annualised over: 365.25 days, so leap years average out.</summary>
    public static readonly TimeSpan LengthOfYear = TimeSpan.FromDays(365.25);

    private long returnPeriods;
    private double meanReturn;
    private double squaredDeviations;
    private double downsideSquares;
    private DateTime peakTime;
    private bool isInDrawdown;

    /// <summary>How many equity samples were added.</summary>
    public long Samples { get; private set; }

    /// <summary>The time of the first sample (default until one is added).</summary>
    public DateTime StartTime { get; private set; }

    /// <summary>The time of the latest sample.</summary>
    public DateTime EndTime { get; private set; }

    /// <summary>The first equity.</summary>
    public decimal StartEquity { get; private set; }

    /// <summary>The latest equity.</summary>
    public decimal EndEquity { get; private set; }

    /// <summary>The highest equity seen so far: the reference every drawdown is measured from.</summary>
    public decimal PeakEquity { get; private set; }

    /// <summary>The deepest fall from a peak so far, as a positive fraction of that peak (0.25 for −25%).</summary>
    public decimal MaximumDrawdown { get; private set; }

    /// <summary>
    /// The longest time so far from a peak until equity got back to it; a drawdown still open counts up to the
    /// latest sample, so a curve that never recovers reports the time from its peak to its last sample.
    /// </summary>
    public TimeSpan MaximumDrawdownDuration { get; private set; }

    /// <summary>True once equity has reached zero or below; from then on no returns are accumulated.</summary>
    public bool IsDepleted { get; private set; }

    /// <summary>How many period returns have been accumulated.</summary>
    public long ReturnPeriods => returnPeriods;

    /// <summary>The arithmetic mean of the period returns; 0 before the second sample.</summary>
    public double MeanReturn => meanReturn;

    /// <summary>The sample standard deviation (n − 1) of the period returns; 0 with fewer than two returns.</summary>
    public double ReturnStandardDeviation => returnPeriods >= 2 ? Math.Sqrt(squaredDeviations / (returnPeriods - 1)) : 0;

    /// <summary>sqrt(Σ min(r, 0)² / n) over all n period returns: only losing periods add risk; 0 without returns.</summary>
    public double DownsideDeviation => returnPeriods > 0 ? Math.Sqrt(downsideSquares / returnPeriods) : 0;

    /// <summary>Adds the account's equity at <paramref name="time"/>. O(1), allocation-free.</summary>
    /// <param name="time">The UTC time of the sample; not earlier than the previous one.</param>
    /// <param name="equity">Cash plus the marked value of open positions.</param>
    /// <exception cref="ArgumentException">When <paramref name="time"/> is local or earlier than the previous sample.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the first sample is not positive: returns need a positive base.</exception>
    public void Add(DateTime time, decimal equity)
    {
        if (time.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("Equity sample times are UTC.", nameof(time));
        }

        if (Samples == 0)
        {
            if (equity <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(equity), equity, "The first equity sample must be positive.");
            }

            Samples = 1;
            StartTime = EndTime = peakTime = time;
            StartEquity = EndEquity = PeakEquity = equity;
            return;
        }

        if (time < EndTime)
        {
            throw new ArgumentException($"Equity samples must not go back in time: {time:O} is before {EndTime:O}.", nameof(time));
        }

        Samples++;
        if (!IsDepleted)
        {
            // The previous equity is positive here: a non-positive one would have set IsDepleted.
            if (equity > 0)
            {
                AddReturn((double)(equity / EndEquity - 1m));
            }
            else
            {
                AddReturn(-1.0);
                IsDepleted = true;
            }
        }

        EndTime = time;
        EndEquity = equity;
        UpdateDrawdown(time, equity);
    }

    /// <summary>Computes the headline statistics of the curve so far; the accumulator can keep receiving samples.</summary>
    /// <param name="periodsPerYear">How many sampling periods make a year, to annualise: 252 for trading days,
    /// 365 for daily crypto, 525,960 for one-minute bars around the clock.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="periodsPerYear"/> is not a positive finite number.</exception>
    /// <exception cref="InvalidOperationException">When no sample has been added.</exception>
    public PerformanceSummary Summarize(double periodsPerYear)
    {
        if (!double.IsFinite(periodsPerYear) || periodsPerYear <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(periodsPerYear), periodsPerYear, "Periods per year must be a positive number.");
        }

        if (Samples == 0)
        {
            throw new InvalidOperationException("An equity curve needs at least one sample to be summarized.");
        }

        var growth = IsDepleted ? 0m : EndEquity / StartEquity;
        var annualisation = Math.Sqrt(periodsPerYear);
        var standardDeviation = ReturnStandardDeviation;
        var downsideDeviation = DownsideDeviation;

        return new PerformanceSummary(
            TotalReturn: growth - 1m,
            CompoundAnnualGrowthRate: CompoundAnnualGrowthRate(growth, EndTime - StartTime),
            AnnualizedVolatility: standardDeviation * annualisation,
            SharpeRatio: standardDeviation > 0 ? meanReturn / standardDeviation * annualisation : 0,
            SortinoRatio: downsideDeviation > 0 ? meanReturn / downsideDeviation * annualisation : 0,
            MaximumDrawdown: MaximumDrawdown,
            MaximumDrawdownDuration: MaximumDrawdownDuration,
            Samples: Samples,
            ReturnPeriods: returnPeriods,
            StartTime: StartTime,
            EndTime: EndTime,
            StartEquity: StartEquity,
            EndEquity: EndEquity,
            AccountDepleted: IsDepleted);
    }

    private static double CompoundAnnualGrowthRate(decimal growth, TimeSpan elapsed)
    {
        if (elapsed <= TimeSpan.Zero)
        {
            return 0;
        }

        var rate = Math.Pow((double)growth, (double)LengthOfYear.Ticks / elapsed.Ticks) - 1;

        // A short window raises the growth to a huge power; report the largest finite number instead of infinity.
        return double.IsPositiveInfinity(rate) ? double.MaxValue : rate;
    }

    private void AddReturn(double periodReturn)
    {
        returnPeriods++;
        var deviationBefore = periodReturn - meanReturn;
        meanReturn += deviationBefore / returnPeriods;
        squaredDeviations += deviationBefore * (periodReturn - meanReturn);
        if (periodReturn < 0)
        {
            downsideSquares += periodReturn * periodReturn;
        }
    }

    private void UpdateDrawdown(DateTime time, decimal equity)
    {
        if (equity >= PeakEquity)
        {
            if (isInDrawdown)
            {
                // Regaining the peak closes the drawdown; its length runs to this sample.
                MaximumDrawdownDuration = Max(MaximumDrawdownDuration, time - peakTime);
                isInDrawdown = false;
            }

            PeakEquity = equity;
            peakTime = time;
            return;
        }

        isInDrawdown = true;
        var drawdown = equity <= 0 ? 1m : (PeakEquity - equity) / PeakEquity;
        MaximumDrawdown = Math.Max(MaximumDrawdown, drawdown);

        // Counting an open drawdown up to now makes a never-recovered one end at the last sample.
        MaximumDrawdownDuration = Max(MaximumDrawdownDuration, time - peakTime);
    }

    private static TimeSpan Max(TimeSpan left, TimeSpan right) => left >= right ? left : right;
}
