using PluginBot.Engine.Feedback;
using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Tests.Feedback;

// Orders are sent at 10:00:00 with a reference (decision) price of 100 unless a case says otherwise.
public sealed class ExecutionTrackerTests
{
    private static readonly DateTime Sent = new(2024, 1, 1, 10, 0, 0, DateTimeKind.Utc);
    private long tradeId;

    [Fact]
    public void NewTracker_NothingExecuted_ReportsTheNeutralValues()
    {
        var tracker = new ExecutionTracker();

        Assert.Equal(0, tracker.FillCount);
        Assert.Equal(0d, tracker.AverageSlippageBasisPoints);
        Assert.Equal(TimeSpan.Zero, tracker.LastFillLatency);
        Assert.Equal(TimeSpan.Zero, tracker.MedianFillLatency);
        Assert.Equal(0.5, tracker.RecentHitRate);
        Assert.Equal(0, tracker.ConsecutiveLosses);
        Assert.Equal(0d, tracker.MarketImpactBasisPoints);
    }

    [Fact]
    public void OnFill_BuyAboveAndSellBelowTheDecisionPrice_CountAsPositiveSlippage()
    {
        // Buy at 100.10: (100.10 − 100) / 100 = 10 bp worse. Sell at 99.95: (100 − 99.95) / 100 = 5 bp worse. Mean 7.5.
        var tracker = new ExecutionTracker();
        Send(tracker, "a");
        Send(tracker, "b");

        Assert.True(tracker.OnFill(Fill("a", OrderSide.Buy, 1m, 100.10m), barVolume: 0m));
        Assert.True(tracker.OnFill(Fill("b", OrderSide.Sell, 1m, 99.95m), barVolume: 0m));

        Assert.Equal(2, tracker.FillCount);
        Assert.Equal(7.5, tracker.AverageSlippageBasisPoints, precision: 10);
    }

    [Fact]
    public void OnFill_SellAboveTheDecisionPrice_CountsAsNegativeSlippage()
    {
        var tracker = new ExecutionTracker();
        Send(tracker, "a");

        tracker.OnFill(Fill("a", OrderSide.Sell, 1m, 100.02m), barVolume: 0m);

        Assert.Equal(-2d, tracker.AverageSlippageBasisPoints, precision: 10);
    }

    [Fact]
    public void OnFill_OlderFillsThanTheWindow_AreForgotten()
    {
        // Window of 2: slippages 10, 20, 30 bp → the mean of the last two is 25.
        var tracker = new ExecutionTracker(new ExecutionTrackerOptions { FillWindow = 2 });
        foreach (var (id, price) in new[] { ("a", 100.10m), ("b", 100.20m), ("c", 100.30m) })
        {
            Send(tracker, id);
            tracker.OnFill(Fill(id, OrderSide.Buy, 1m, price), barVolume: 0m);
        }

        Assert.Equal(3, tracker.FillCount);
        Assert.Equal(25d, tracker.AverageSlippageBasisPoints, precision: 10);
    }

    [Fact]
    public void OnFill_LatencyFromSendToFill_GivesTheLastAndTheMedian()
    {
        // Latencies 1 s, 3 s, 2.5 s: last 2.5 s, median 2.5 s; a fourth of 0.5 s makes the median (1 + 2.5) / 2 = 1.75 s.
        var tracker = new ExecutionTracker();
        var latencies = new[] { 1_000, 3_000, 2_500 };
        for (var index = 0; index < latencies.Length; index++)
        {
            Send(tracker, $"o{index}");
            tracker.OnFill(Fill($"o{index}", OrderSide.Buy, 1m, 100m, Sent.AddMilliseconds(latencies[index])), barVolume: 0m);
        }

        Assert.Equal(TimeSpan.FromMilliseconds(2_500), tracker.LastFillLatency);
        Assert.Equal(TimeSpan.FromMilliseconds(2_500), tracker.MedianFillLatency);

        Send(tracker, "o3");
        tracker.OnFill(Fill("o3", OrderSide.Buy, 1m, 100m, Sent.AddMilliseconds(500)), barVolume: 0m);

        Assert.Equal(TimeSpan.FromMilliseconds(500), tracker.LastFillLatency);
        Assert.Equal(TimeSpan.FromMilliseconds(1_750), tracker.MedianFillLatency);
    }

    [Fact]
    public void OnFill_StampedBeforeTheSendTime_CountsAsZeroLatency()
    {
        // A backtest stamps a fill with the start of the bar it traded in, which can be the send time or earlier.
        var tracker = new ExecutionTracker();
        Send(tracker, "a");

        tracker.OnFill(Fill("a", OrderSide.Buy, 1m, 100m, Sent.AddSeconds(-30)), barVolume: 0m);

        Assert.Equal(TimeSpan.Zero, tracker.LastFillLatency);
    }

    [Fact]
    public void OnFill_OrderNeverSeenSent_IsIgnored()
    {
        var tracker = new ExecutionTracker();

        Assert.False(tracker.OnFill(Fill("unknown", OrderSide.Buy, 1m, 120m), barVolume: 5m));
        Assert.Equal(0, tracker.FillCount);
        Assert.Equal(0d, tracker.AverageSlippageBasisPoints);
    }

    [Fact]
    public void OnOrderFinished_LaterFillForTheOrder_IsIgnored()
    {
        var tracker = new ExecutionTracker();
        Send(tracker, "a");
        tracker.OnOrderFinished("a");

        Assert.Equal(0, tracker.OpenOrderCount);
        Assert.False(tracker.OnFill(Fill("a", OrderSide.Buy, 1m, 100m), barVolume: 0m));
    }

    [Fact]
    public void OnOrderSent_SameIdTwice_KeepsTheFirstReferencePrice()
    {
        // Client ids are idempotent: the resend is the same order, so slippage is still measured from 100.
        var tracker = new ExecutionTracker();
        Send(tracker, "a");
        tracker.OnOrderSent("a", "BTCUSDT", 200m, Sent);

        tracker.OnFill(Fill("a", OrderSide.Buy, 1m, 100.01m), barVolume: 0m);

        Assert.Equal(1d, tracker.AverageSlippageBasisPoints, precision: 10);
    }

    [Fact]
    public void OnOrderSent_ReferencePriceNotPositive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExecutionTracker().OnOrderSent("a", "BTCUSDT", 0m, Sent));
    }

    [Fact]
    public void OnFill_SlippageGrowingWithParticipation_EstimatesTheImpactOfATypicalOrder()
    {
        // Points (participation, slippage): (0.1, 7), (0.2, 12), (0.3, 17) lie on y = 2 + 50x: slope 50 bp per unit
        // of participation; a typical (mean 0.2) order pays 50 × 0.2 = 10 bp of impact on top of the fixed 2 bp.
        var tracker = new ExecutionTracker(new ExecutionTrackerOptions { MinimumImpactSamples = 3 });
        var points = new[] { (Quantity: 1m, Price: 100.07m), (Quantity: 2m, Price: 100.12m), (Quantity: 3m, Price: 100.17m) };
        for (var index = 0; index < points.Length; index++)
        {
            Send(tracker, $"o{index}");
            tracker.OnFill(Fill($"o{index}", OrderSide.Buy, points[index].Quantity, points[index].Price), barVolume: 10m);
            Assert.Equal(index < 2 ? 0d : 10d, tracker.MarketImpactBasisPoints, precision: 9);
        }

        Assert.Equal(50d, tracker.ImpactSlopeBasisPoints, precision: 9);
        Assert.Equal(0.2, tracker.AverageParticipation, precision: 12);
    }

    [Fact]
    public void OnFill_EveryOrderTheSameShareOfVolume_LeavesTheImpactUnknown()
    {
        // With one participation value the slope is undefined: 0, however much the fills slipped.
        var tracker = new ExecutionTracker(new ExecutionTrackerOptions { MinimumImpactSamples = 2 });
        for (var index = 0; index < 4; index++)
        {
            Send(tracker, $"o{index}");
            tracker.OnFill(Fill($"o{index}", OrderSide.Buy, 1m, 100m + (0.05m * index)), barVolume: 4m);
        }

        Assert.Equal(0d, tracker.MarketImpactBasisPoints);
    }

    [Fact]
    public void OnFill_LargerOrdersSlippingLess_FloorsTheImpactAtZero()
    {
        // (0.1, 20 bp), (0.5, 5 bp): a negative slope is noise, not a market that pays for size.
        var tracker = new ExecutionTracker(new ExecutionTrackerOptions { MinimumImpactSamples = 2 });
        Send(tracker, "a");
        Send(tracker, "b");
        tracker.OnFill(Fill("a", OrderSide.Buy, 1m, 100.20m), barVolume: 10m);
        tracker.OnFill(Fill("b", OrderSide.Buy, 5m, 100.05m), barVolume: 10m);

        Assert.Equal(0d, tracker.ImpactSlopeBasisPoints);
        Assert.Equal(0d, tracker.MarketImpactBasisPoints);
    }

    [Fact]
    public void OnFill_BarWithoutVolume_CountsForSlippageButNotForImpact()
    {
        var tracker = new ExecutionTracker(new ExecutionTrackerOptions { MinimumImpactSamples = 2 });
        Send(tracker, "a");
        Send(tracker, "b");
        tracker.OnFill(Fill("a", OrderSide.Buy, 1m, 100.10m), barVolume: 10m);
        tracker.OnFill(Fill("b", OrderSide.Buy, 5m, 100.50m), barVolume: 0m);

        Assert.Equal(30d, tracker.AverageSlippageBasisPoints, precision: 10);
        Assert.Equal(0.1, tracker.AverageParticipation, precision: 12);
        Assert.Equal(0d, tracker.MarketImpactBasisPoints);
    }

    [Fact]
    public void OnRoundTripClosed_WinsAndLosses_GiveTheHitRateAndTheLosingStreak()
    {
        // +5, −1, −2: one win in three, two losses in a row. Break-even (0) is not a win but ends the streak.
        var tracker = new ExecutionTracker();
        tracker.OnRoundTripClosed(5m);
        tracker.OnRoundTripClosed(-1m);
        tracker.OnRoundTripClosed(-2m);

        Assert.Equal(1d / 3, tracker.RecentHitRate, precision: 12);
        Assert.Equal(2, tracker.ConsecutiveLosses);

        tracker.OnRoundTripClosed(0m);

        Assert.Equal(0.25, tracker.RecentHitRate, precision: 12);
        Assert.Equal(0, tracker.ConsecutiveLosses);
        Assert.Equal(4, tracker.RoundTripCount);
    }

    [Fact]
    public void OnRoundTripClosed_MoreThanTheWindow_MeasuresOnlyTheRecentOnes()
    {
        // Window 2: win, win, loss → the last two are one win and one loss.
        var tracker = new ExecutionTracker(new ExecutionTrackerOptions { RoundTripWindow = 2 });
        tracker.OnRoundTripClosed(1m);
        tracker.OnRoundTripClosed(1m);
        tracker.OnRoundTripClosed(-1m);

        Assert.Equal(0.5, tracker.RecentHitRate);
        Assert.Equal(1, tracker.ConsecutiveLosses);
    }

    [Fact]
    public void WriteFeatures_AfterExecutions_WritesEveryValueUnderItsFixedName()
    {
        var tracker = new ExecutionTracker(new ExecutionTrackerOptions { MinimumImpactSamples = 2 });
        Send(tracker, "a");
        Send(tracker, "b");
        tracker.OnFill(Fill("a", OrderSide.Buy, 1m, 100.07m, Sent.AddSeconds(2)), barVolume: 10m);
        tracker.OnFill(Fill("b", OrderSide.Buy, 3m, 100.17m, Sent.AddSeconds(4)), barVolume: 10m);
        tracker.OnRoundTripClosed(-3m);
        var features = new float[ExecutionTracker.FeatureCount + 1];
        features[^1] = 42f;

        tracker.WriteFeatures(features);

        // Slippage 7 and 17 → 12 bp; latencies 2 s and 4 s → last 4, median 3; one loss → hit rate 0, streak 1;
        // slope (17 − 7) / (0.3 − 0.1) = 50 bp, mean participation 0.2 → impact 10 bp. The extra slot is untouched.
        Assert.Equal(
            [
                "execution_average_slippage_basis_points",
                "execution_last_fill_latency_seconds",
                "execution_median_fill_latency_seconds",
                "execution_recent_hit_rate",
                "execution_consecutive_losses",
                "execution_market_impact_basis_points",
            ],
            ExecutionTracker.FeatureNames);
        Assert.Equal(12f, features[(int)ExecutionFeature.AverageSlippageBasisPoints], precision: 4);
        Assert.Equal(4f, features[(int)ExecutionFeature.LastFillLatencySeconds]);
        Assert.Equal(3f, features[(int)ExecutionFeature.MedianFillLatencySeconds]);
        Assert.Equal(0f, features[(int)ExecutionFeature.RecentHitRate]);
        Assert.Equal(1f, features[(int)ExecutionFeature.ConsecutiveLosses]);
        Assert.Equal(10f, features[(int)ExecutionFeature.MarketImpactBasisPoints], precision: 4);
        Assert.Equal(42f, features[^1]);
    }

    [Fact]
    public void WriteFeatures_DestinationTooShort_ThrowsNamingBothSizes()
    {
        var exception = Assert.Throws<ArgumentException>(() => new ExecutionTracker().WriteFeatures(new float[5]));

        Assert.Contains("holds 5 values; the execution features need 6", exception.Message);
    }

    [Fact]
    public void Constructor_WindowOfZero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExecutionTracker(new ExecutionTrackerOptions { FillWindow = 0 }));
    }

    private static void Send(ExecutionTracker tracker, string id) => tracker.OnOrderSent(id, "BTCUSDT", 100m, Sent);

    private Fill Fill(string id, OrderSide side, decimal quantity, decimal price, DateTime? time = null) =>
        new(id, "BTCUSDT", side, quantity, price, 0m, LiquidityRole.Taker, time ?? Sent, ++tradeId);
}
