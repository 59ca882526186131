using System.Globalization;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Engine.Feedback;

/// <summary>
/// Measures how the engine's own orders are executed, so plugins can adapt to it (through
/// <see cref="IPluginContext.ExecutionQuality"/>) and models can learn from it (through <see cref="WriteFeatures"/>).
/// The execution engine feeds it: <see cref="OnOrderSent"/> when an order leaves with the price its decision was
/// taken on, <see cref="OnFill"/> for every fill with the volume of the bar it traded in,
/// <see cref="OnOrderFinished"/> when the order reaches a final state, and <see cref="OnRoundTripClosed"/> when a
/// position returns to flat.
/// <para>
/// Definitions. Slippage of a fill, in basis points, signed so that worse is positive:
/// buy (fill − reference) ÷ reference × 10,000, sell (reference − fill) ÷ reference × 10,000; averaged over the
/// last <see cref="ExecutionTrackerOptions.FillWindow"/> fills. Latency: fill time − send time (never negative),
/// the last one and the median over the same window. Hit rate: winning round trips (net profit above zero) over the
/// last <see cref="ExecutionTrackerOptions.RoundTripWindow"/>; 0.5 before any. Consecutive losses: round trips with a
/// negative net profit in a row, ended by any round trip that did not lose.
/// </para>
/// <para>
/// Market impact. Each fill with a known bar volume gives a point (x = participation = fill quantity ÷ bar volume,
/// y = slippage in bp). Over the window, ordinary least squares fits y = a + b·x: the intercept a is what every fill
/// pays whatever its size (half the spread, the fill model's fixed slippage), the slope b what taking a larger share
/// of the volume costs, in bp per unit of participation. b is floored at 0, because a larger order never buys a
/// better price and a negative fit is noise. The estimate for a typical order is
/// <see cref="MarketImpactBasisPoints"/> = b × mean participation; it stays 0 until
/// <see cref="ExecutionTrackerOptions.MinimumImpactSamples"/> points are known and while every point has the same
/// participation (the slope is then undefined).
/// </para>
/// Not thread-safe: it is written and read on the engine's thread, between events, like the portfolio.
/// </summary>
public sealed class ExecutionTracker : IExecutionQualityView
{
    /// <summary>The names of the values <see cref="WriteFeatures"/> writes, in order (see <see cref="ExecutionFeature"/>).</summary>
    public static IReadOnlyList<string> FeatureNames { get; } =
    [
        "execution_average_slippage_basis_points",
        "execution_last_fill_latency_seconds",
        "execution_median_fill_latency_seconds",
        "execution_recent_hit_rate",
        "execution_consecutive_losses",
        "execution_market_impact_basis_points",
    ];

    private readonly ExecutionTrackerOptions options;
    private readonly Dictionary<string, SentOrder> sentOrders = new(StringComparer.Ordinal);
    private readonly Queue<FillSample> fills;
    private readonly Queue<bool> roundTrips;
    private readonly long[] latencyScratch;

    /// <summary>Creates a tracker that has seen nothing; <paramref name="options"/> default to <see cref="ExecutionTrackerOptions"/>'s defaults.</summary>
    public ExecutionTracker(ExecutionTrackerOptions? options = null)
    {
        this.options = options ?? new ExecutionTrackerOptions();
        this.options.Validate();
        fills = new Queue<FillSample>(this.options.FillWindow);
        roundTrips = new Queue<bool>(this.options.RoundTripWindow);
        latencyScratch = new long[this.options.FillWindow];
    }

    /// <summary>The number of values <see cref="WriteFeatures"/> writes.</summary>
    public static int FeatureCount => FeatureNames.Count;

    /// <inheritdoc />
    public int FillCount { get; private set; }

    /// <inheritdoc />
    public double AverageSlippageBasisPoints { get; private set; }

    /// <inheritdoc />
    public TimeSpan LastFillLatency { get; private set; }

    /// <inheritdoc />
    public TimeSpan MedianFillLatency { get; private set; }

    /// <inheritdoc />
    public double RecentHitRate { get; private set; } = 0.5;

    /// <inheritdoc />
    public int ConsecutiveLosses { get; private set; }

    /// <inheritdoc />
    public double MarketImpactBasisPoints { get; private set; }

    /// <summary>The fitted slope b: extra slippage in bp per unit of participation (1 = the whole bar's volume); 0 while unknown.</summary>
    public double ImpactSlopeBasisPoints { get; private set; }

    /// <summary>Mean participation (fill quantity ÷ bar volume) of the recent fills whose bar volume was known; 0 when none.</summary>
    public double AverageParticipation { get; private set; }

    /// <summary>Round trips closed so far.</summary>
    public int RoundTripCount { get; private set; }

    /// <summary>Orders sent and not yet reported finished: the ones a fill can still be matched to.</summary>
    public int OpenOrderCount => sentOrders.Count;

    /// <summary>
    /// Remembers an order as it is sent: the price the decision was taken on (the reference every fill's slippage is
    /// measured against) and the time it left (the start of its latency). Sending the same id twice keeps the first,
    /// because client ids are idempotent: a resend is the same order.
    /// </summary>
    public void OnOrderSent(string clientOrderId, string symbol, decimal referencePrice, DateTime sentAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientOrderId);
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(referencePrice);
        sentOrders.TryAdd(clientOrderId, new SentOrder(symbol, referencePrice, sentAt));
    }

    /// <summary>
    /// Learns from one fill of a sent order. <paramref name="barVolume"/> is the traded volume of the bar the fill
    /// happened in (0 when unknown, for example a quote-driven fill): it only feeds the impact estimate. Returns
    /// false, learning nothing, for a fill of an order this tracker never saw sent (placed before it existed).
    /// </summary>
    public bool OnFill(Fill fill, decimal barVolume)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (!sentOrders.TryGetValue(fill.ClientOrderId, out var order))
        {
            return false;
        }

        var difference = fill.Side == OrderSide.Buy ? fill.Price - order.ReferencePrice : order.ReferencePrice - fill.Price;
        var slippage = (double)(difference / order.ReferencePrice * 10_000m);
        var latency = fill.Time > order.SentAt ? fill.Time - order.SentAt : TimeSpan.Zero;
        double? participation = barVolume > 0 ? (double)(fill.Quantity / barVolume) : null;
        if (fills.Count == options.FillWindow)
        {
            fills.Dequeue();
        }

        fills.Enqueue(new FillSample(slippage, latency, participation));
        FillCount++;
        LastFillLatency = latency;
        RecomputeFillStatistics();
        return true;
    }

    /// <summary>Forgets an order that reached a final state (filled, cancelled, rejected, expired), so the table of open orders stays small.</summary>
    public void OnOrderFinished(string clientOrderId) => sentOrders.Remove(clientOrderId);

    /// <summary>Learns the outcome of a round trip that returned a position to flat: its profit after fees.</summary>
    public void OnRoundTripClosed(decimal netProfit)
    {
        if (roundTrips.Count == options.RoundTripWindow)
        {
            roundTrips.Dequeue();
        }

        roundTrips.Enqueue(netProfit > 0);
        RoundTripCount++;
        ConsecutiveLosses = netProfit < 0 ? ConsecutiveLosses + 1 : 0;
        var wins = 0;
        foreach (var win in roundTrips)
        {
            wins += win ? 1 : 0;
        }

        RecentHitRate = (double)wins / roundTrips.Count;
    }

    /// <summary>
    /// Writes the current values into <paramref name="destination"/> in the order of <see cref="FeatureNames"/>, so
    /// the engine can append them to a model's feature vector without allocating. Latencies are in seconds.
    /// </summary>
    /// <exception cref="ArgumentException">The destination has fewer than <see cref="FeatureCount"/> places.</exception>
    public void WriteFeatures(Span<float> destination)
    {
        if (destination.Length < FeatureCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The destination holds {destination.Length} values; the execution features need {FeatureCount}."), nameof(destination));
        }

        destination[(int)ExecutionFeature.AverageSlippageBasisPoints] = (float)AverageSlippageBasisPoints;
        destination[(int)ExecutionFeature.LastFillLatencySeconds] = (float)LastFillLatency.TotalSeconds;
        destination[(int)ExecutionFeature.MedianFillLatencySeconds] = (float)MedianFillLatency.TotalSeconds;
        destination[(int)ExecutionFeature.RecentHitRate] = (float)RecentHitRate;
        destination[(int)ExecutionFeature.ConsecutiveLosses] = ConsecutiveLosses;
        destination[(int)ExecutionFeature.MarketImpactBasisPoints] = (float)MarketImpactBasisPoints;
    }

    private void RecomputeFillStatistics()
    {
        var slippageSum = 0d;
        var count = 0;
        var impactCount = 0;
        var participationSum = 0d;
        var slippageWithVolumeSum = 0d;
        foreach (var sample in fills)
        {
            slippageSum += sample.SlippageBasisPoints;
            latencyScratch[count++] = sample.Latency.Ticks;
            if (sample.Participation is { } participation)
            {
                impactCount++;
                participationSum += participation;
                slippageWithVolumeSum += sample.SlippageBasisPoints;
            }
        }

        AverageSlippageBasisPoints = slippageSum / count;
        MedianFillLatency = TimeSpan.FromTicks(Median(latencyScratch.AsSpan(0, count)));
        AverageParticipation = impactCount == 0 ? 0 : participationSum / impactCount;
        ImpactSlopeBasisPoints = impactCount < options.MinimumImpactSamples ? 0 : Slope(AverageParticipation, slippageWithVolumeSum / impactCount);
        MarketImpactBasisPoints = ImpactSlopeBasisPoints * AverageParticipation;
    }

    // Least-squares slope of slippage on participation around the means, floored at zero (see the class remarks).
    private double Slope(double meanParticipation, double meanSlippage)
    {
        var covariance = 0d;
        var variance = 0d;
        foreach (var sample in fills)
        {
            if (sample.Participation is { } participation)
            {
                var deviation = participation - meanParticipation;
                covariance += deviation * (sample.SlippageBasisPoints - meanSlippage);
                variance += deviation * deviation;
            }
        }

        // Relative test: participations that differ only by rounding do not define a slope.
        if (variance <= 1e-12 * Math.Max(meanParticipation * meanParticipation, 1e-12))
        {
            return 0;
        }

        return Math.Max(covariance / variance, 0);
    }

    // The median of an even count is the mean of the two middle values, so two fills of 1 s and 3 s give 2 s.
    private static long Median(Span<long> values)
    {
        values.Sort();
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
