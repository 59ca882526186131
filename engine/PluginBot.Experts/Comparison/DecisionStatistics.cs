namespace PluginBot.Experts.Comparison;

/// <summary>
/// Running statistics of one expert set's decisions, updated one decision at a time in O(1) without storing them:
/// hit rate, mean and variance of per-decision returns, Sharpe ratio, and calibration of confidence (reliability
/// bins and Brier score).
/// </summary>
/// <remarks>
/// <para>
/// A decision's return is the return of the position it asked for over its holding span (see
/// <see cref="DecisionReturn"/>); it is a hit when that return is positive, so a zero return counts as a miss.
/// Only directional decisions (Long or Short) should be recorded: Hold and Flat take no risk and have nothing to
/// be right about.
/// </para>
/// <para>
/// Mean and variance use Welford's update, which stays accurate over millions of small returns where the naive
/// Σx² − (Σx)²÷n loses its digits. Variance is the sample variance (n − 1). Calibration reads a confidence c as
/// the promise of a hit with probability (1 + c) ÷ 2 (<see cref="ConfidenceProbability"/>); the Brier score is the
/// mean of (promised − hit)², 0 being perfect and 0.25 a coin flip's promise.
/// </para>
/// </remarks>
public sealed class DecisionStatistics
{
    private readonly long[] binCounts;
    private readonly long[] binHits;
    private readonly double[] binConfidenceSums;

    private long count;
    private long hits;
    private double mean;
    private double squaredDeviations;
    private double brierSum;

    /// <summary>Creates empty statistics with <paramref name="reliabilityBinCount"/> equal-width confidence bins.</summary>
    public DecisionStatistics(int reliabilityBinCount = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(reliabilityBinCount);
        binCounts = new long[reliabilityBinCount];
        binHits = new long[reliabilityBinCount];
        binConfidenceSums = new double[reliabilityBinCount];
    }

    /// <summary>Decisions recorded.</summary>
    public long Count => count;

    /// <summary>Decisions with a positive return.</summary>
    public long Hits => hits;

    /// <summary>Hits ÷ decisions (NaN before any decision).</summary>
    public double HitRate => count > 0 ? (double)hits / count : double.NaN;

    /// <summary>Mean per-decision return (NaN before any decision).</summary>
    public double MeanReturn => count > 0 ? mean : double.NaN;

    /// <summary>Sample variance of per-decision returns (NaN with fewer than two decisions).</summary>
    public double ReturnVariance => count > 1 ? squaredDeviations / (count - 1) : double.NaN;

    /// <summary>Sample standard deviation of per-decision returns.</summary>
    public double ReturnStandardDeviation => Math.Sqrt(ReturnVariance);

    /// <summary>
    /// Mean ÷ standard deviation of per-decision returns (no risk-free rate: decisions are short). NaN with fewer
    /// than two decisions or zero spread.
    /// </summary>
    public double SharpeRatio
    {
        get
        {
            var deviation = ReturnStandardDeviation;
            return deviation > 0 ? MeanReturn / deviation : double.NaN;
        }
    }

    /// <summary>Mean of (promised hit probability − hit)² (NaN before any decision).</summary>
    public double BrierScore => count > 0 ? brierSum / count : double.NaN;

    /// <summary>How many reliability bins the confidence range [0, 1] is split into.</summary>
    public int ReliabilityBinCount => binCounts.Length;

    /// <summary>
    /// The per-decision Sharpe ratio scaled by √(decisions per year), assuming independent decisions: e.g. 252 for
    /// one decision per trading day, 8,760 for hourly decisions around the clock.
    /// </summary>
    public double AnnualisedSharpeRatio(double decisionsPerYear)
    {
        if (!(decisionsPerYear > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(decisionsPerYear), decisionsPerYear, "Must be positive.");
        }

        return SharpeRatio * Math.Sqrt(decisionsPerYear);
    }

    /// <summary>Records one directional decision.</summary>
    /// <param name="confidence">The confidence the decision was made with, in [0, 1].</param>
    /// <param name="decisionReturn">The return of the position it asked for (positive = made money).</param>
    /// <exception cref="ArgumentOutOfRangeException">Confidence outside [0, 1] or a non-finite return.</exception>
    public void Record(double confidence, double decisionReturn)
    {
        var promised = ConfidenceProbability.OfCorrectDirection(confidence);
        if (!double.IsFinite(decisionReturn))
        {
            throw new ArgumentOutOfRangeException(nameof(decisionReturn), decisionReturn, "The return must be finite.");
        }

        var hit = decisionReturn > 0;
        count++;
        if (hit)
        {
            hits++;
        }

        var delta = decisionReturn - mean;
        mean += delta / count;
        squaredDeviations += delta * (decisionReturn - mean);

        var outcome = hit ? 1.0 : 0.0;
        brierSum += (promised - outcome) * (promised - outcome);

        var bin = Math.Min((int)(confidence * binCounts.Length), binCounts.Length - 1);
        binCounts[bin]++;
        binConfidenceSums[bin] += confidence;
        if (hit)
        {
            binHits[bin]++;
        }
    }

    /// <summary>One reliability bin; bin i covers confidences [i ÷ n, (i + 1) ÷ n), the last one including 1.</summary>
    public ReliabilityBin GetReliabilityBin(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, binCounts.Length);
        var binCount = binCounts[index];
        var lower = (double)index / binCounts.Length;
        var upper = (double)(index + 1) / binCounts.Length;
        if (binCount == 0)
        {
            return new ReliabilityBin(lower, upper, 0, double.NaN, double.NaN, double.NaN);
        }

        var meanConfidence = binConfidenceSums[index] / binCount;
        return new ReliabilityBin(lower, upper, binCount, meanConfidence, 0.5 + (0.5 * meanConfidence), (double)binHits[index] / binCount);
    }
}
