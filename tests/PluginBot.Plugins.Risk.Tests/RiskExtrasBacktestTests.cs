using PluginBot.Engine.Backtest;
using PluginBot.Engine.Execution;
using PluginBot.Engine.Feeds;
using PluginBot.Plugins.Risk.CircuitBreaker;
using PluginBot.Plugins.Risk.Correlation;
using PluginBot.Plugins.Risk.ExecutionAdaptive;
using PluginBot.Plugins.Risk.Tests.Infrastructure;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;
using static PluginBot.Plugins.Risk.Tests.Infrastructure.RiskBacktest;

namespace PluginBot.Plugins.Risk.Tests;

/// <summary>
/// The correlation, circuit-breaker and execution-adaptive layers in real backtest sessions (simulated clock,
/// exchange with 10 bp fees, portfolio) where they bind: the sizer knows nothing of any limit, so whatever keeps the
/// run inside it is the layer, and the decision records must say so.
/// </summary>
public sealed class RiskExtrasBacktestTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void Correlation_SecondSymbolMovingWithAHeldOne_IsScaledToTheClusterRoomOnceTheCorrelationIsKnown()
    {
        // Both walks take the same random steps (same seed) from 20,000 and 2,000: their returns are almost perfectly
        // correlated. BTC is bought with 60 % of equity and held; ETH asks for 60 % on every entry against a cluster
        // cap of 0.9 × equity. Before 20 shared returns exist ETH is not limited; afterwards it gets about 30 %.
        IBarFeed Feeds() => new MergedBarFeed([Feed(Symbol, 300, seed: 11), Feed(OtherSymbol, 300, seed: 11, startPrice: 2_000)]);
        var layer = new CorrelationRiskManager();
        var result = Run(Feeds(), 0.6m, [Symbol], ("risk-correlation", layer, """{ "maximumClusterFraction": 0.9 }"""));

        Assert.True(layer.Correlation(Symbol, OtherSymbol) > 0.95, $"correlation {layer.Correlation(Symbol, OtherSymbol)}");
        var btcHeld = Assert.Single(Entries(result), entry => entry.Symbol == Symbol).TargetPosition;
        var closes = FilledPositions.Closes(Feed(Symbol, 300, seed: 11), Feed(OtherSymbol, 300, seed: 11, startPrice: 2_000));
        var equityAt = result.EquityCurve.ToDictionary(point => point.Time, point => point.Equity);
        var ethEntries = Entries(result).Where(entry => entry.Symbol == OtherSymbol).ToList();

        // The 20th return of both symbols is known at the close of bar 20 (21 minutes after the origin).
        var clustered = Origin.AddMinutes(21);
        Assert.Contains(ethEntries, entry => entry.Time < clustered && entry.Reason is null);
        var limited = ethEntries.Where(entry => entry.Time >= clustered).ToList();
        Assert.True(limited.Count >= 100, $"only {limited.Count} clustered ETH entries");
        Assert.All(limited, entry =>
        {
            // BTC's bar at the same time is handled first (ties go by symbol): room = 0.9 E − BTC held × BTC close.
            var equity = equityAt[entry.Time];
            var room = (0.9m * equity) - (btcHeld * closes[(Symbol, entry.Time)]);
            var requested = Lots(0.6m * equity / entry.ReferencePrice);
            var scale = Math.Floor(room / (requested * entry.ReferencePrice) * 10_000m) / 10_000m;
            Assert.InRange(scale, 0.4m, 0.6m);
            Assert.Equal(Lots(requested * scale), entry.TargetPosition);
            Assert.StartsWith("risk-correlation: the correlated cluster {BTCUSDT, ETHUSDT} (return correlation above 0.7 over the last 30 bars)", entry.Reason);
            Assert.EndsWith($"scaled by {scale:0.0000}", entry.Reason);
        });

        var snapshots = FilledPositions.AfterEachFill(result, closes, Minute).Where(snapshot => snapshot.Time > clustered);
        Assert.All(snapshots, snapshot =>
            Assert.True(snapshot.Values.Values.Sum() <= (0.9m * snapshot.Equity) + (LotSize * snapshot.Closes[Symbol]),
                $"{snapshot.Time:O}: cluster exposure {snapshot.Values.Values.Sum()} over 0.9 × equity {snapshot.Equity}"));
    }

    [Fact]
    public void Correlation_IndependentWalks_NeverLimitTheSecondSymbol()
    {
        // Independent walks (seeds 11 and 12), 40 % of equity in each against a cluster cap of 60 %: correlated they
        // would be cut to 20 %, but there is no cluster, so no ETH entry is touched by this layer.
        var layer = new CorrelationRiskManager();
        var result = Run(new MergedBarFeed([Feed(Symbol, 300, seed: 11), Feed(OtherSymbol, 300, seed: 12, startPrice: 2_000)]), 0.4m, [Symbol],
            ("risk-correlation", layer, """{ "maximumClusterFraction": 0.6 }"""));

        Assert.True(Math.Abs(layer.Correlation(Symbol, OtherSymbol)!.Value) < 0.7);
        Assert.True(Entries(result).Count(entry => entry.Symbol == OtherSymbol) >= 100);
        Assert.DoesNotContain(result.Decisions, decision => decision.Reason?.Contains("risk-correlation", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void CircuitBreaker_OneFeedStopsForFiftyMinutes_HaltsEntriesUntilTheCooldownAfterItResumes()
    {
        // ETH bars stop after the bar closing at 00:40 and resume with the bar closing at 01:31. From 00:44 (4 bars
        // old > 3) every BTC bar re-trips the stale-data breaker; the last trip is at 01:31, when BTC's bar is handled
        // before ETH's, so entries are halted until 01:46. Reductions pass.
        var eth = Bars(Feed(OtherSymbol, 180, seed: 12, startPrice: 2_000)).Where(bar => bar.EndTime <= Origin.AddMinutes(40) || bar.EndTime > Origin.AddMinutes(90)).ToArray();
        var layer = new CircuitBreakerRiskManager();
        var result = Run(new MergedBarFeed([Feed(Symbol, 180, seed: 11), new ArrayBarFeed(eth)]), 0.45m, ("risk-circuit-breaker", layer, """{ "maximumConsecutiveLosses": 0, "maximumFillLatencyMilliseconds": 0 }"""));

        // Only the stale-data breaker is armed: the engine's execution tracker now reports real losing streaks.
        var firstVeto = result.Decisions.First(decision => decision.Outcome == DecisionOutcome.Vetoed);
        Assert.Equal(Origin.AddMinutes(45), firstVeto.Time);
        Assert.Equal(Symbol, firstVeto.Symbol);
        Assert.StartsWith(
            "risk-circuit-breaker: circuit breaker halted new entries: stale-data breaker tripped at 2024-01-01 00:45:00 UTC: the last ETHUSDT bar ended at 2024-01-01 00:40:00 UTC, 5 min ago = 5 bars of 1 min (limit 3 bars)",
            firstVeto.Reason);
        var halted = (Start: Origin.AddMinutes(44), End: Origin.AddMinutes(106));
        Assert.DoesNotContain(result.Decisions, decision => decision.Time > halted.Start && decision.Time < halted.End && IsEntry(decision));
        // The breaker tripped on the BTC bar closing at 00:44, before that bar's decision: its exit still went out.
        Assert.Contains(result.Decisions, decision => decision.Time == halted.Start && decision.Symbol == Symbol
            && decision.Signal.Direction == SignalDirection.Flat && decision.Outcome == DecisionOutcome.OrderSent);
        var lastVeto = result.Decisions.Last(decision => decision.Outcome == DecisionOutcome.Vetoed);
        Assert.Contains("stale-data breaker tripped at 2024-01-01 01:31:00 UTC", lastVeto.Reason);
        Assert.Contains("entries halted until 2024-01-01 01:46:00 UTC", lastVeto.Reason);
        Assert.Contains(result.Decisions, decision => decision.Time >= halted.End && decision.Time <= halted.End.AddMinutes(2) && IsEntry(decision));
        Assert.Contains(result.Decisions, decision => decision.Time < Origin.AddMinutes(44) && IsEntry(decision));
        Assert.Equal(RiskState.Active, layer.State);
    }

    [Fact]
    public void CircuitBreaker_LosingStreakReportedMidRun_HaltsEntriesForTheCooldown()
    {
        // The execution quality reports 5 losses in a row just before bar 100 (closing at 01:41): halted until 02:11
        // with a 30 min cool-down: the entries bars 100 to 128 ask for are vetoed, the one at bar 130 is sent.
        var quality = new FakeExecutionQuality();
        var layer = new CircuitBreakerRiskManager();
        var feed = new CallbackFeed(Feed(Symbol, 200, seed: 13), new Dictionary<int, Action> { [100] = () => quality.ConsecutiveLosses = 5 });
        var result = Run(feed, 0.95m, ("risk-circuit-breaker", new ExecutionQualityLayer(layer, quality), """{ "consecutiveLossCooldownMinutes": 30 }"""));

        var vetoes = result.Decisions.Where(decision => decision.Outcome == DecisionOutcome.Vetoed).ToList();
        Assert.Equal(Origin.AddMinutes(101), vetoes[0].Time);
        Assert.Equal(
            "risk-circuit-breaker: circuit breaker halted new entries: consecutive-loss breaker tripped at 2024-01-01 01:41:00 UTC: 5 losing round trips in a row (limit 5); entries halted until 2024-01-01 02:11:00 UTC (30 min cool-down); only reductions pass",
            vetoes[0].Reason);
        Assert.DoesNotContain(result.Decisions, decision => decision.Time > Origin.AddMinutes(100) && decision.Time < Origin.AddMinutes(131) && IsEntry(decision));
        Assert.Contains(result.Decisions, decision => decision.Time == Origin.AddMinutes(131) && IsEntry(decision));
    }

    [Fact]
    public void ExecutionAdaptive_PoorSlippageReported_EveryEntryIsScaledByTheFormulaAndExitsAreNot()
    {
        // 10 fills at 15 bp average slippage against a 5 bp tolerance: 1 − 0.05 × 10 = 0.5 on every entry.
        var quality = new FakeExecutionQuality { FillCount = 10, AverageSlippageBasisPoints = 15 };
        var result = Run(Feed(Symbol, 200, seed: 19), 0.95m, ("risk-execution-adaptive", new ExecutionQualityLayer(new ExecutionAdaptiveRiskManager(), quality), "{}"));

        var equityAt = result.EquityCurve.ToDictionary(point => point.Time, point => point.Equity);
        var entries = Entries(result);
        Assert.True(entries.Count >= 90, $"only {entries.Count} entries");
        Assert.All(entries, entry =>
        {
            Assert.Equal(Lots(Lots(0.95m * equityAt[entry.Time] / entry.ReferencePrice) * 0.5m), entry.TargetPosition);
            Assert.Equal("risk-execution-adaptive: execution quality: average slippage 15 bp over 10 fills is above the 5 bp tolerance: 1 − 0.05 × 10 = 0.5; entries scaled by 0.5000 (bounds 0.25 to 1)", entry.Reason);
        });
        Assert.All(result.Decisions.Where(decision => decision.Signal.Direction == SignalDirection.Flat && decision.Outcome == DecisionOutcome.OrderSent),
            exit => Assert.Equal(0m, exit.TargetPosition));
    }

    private static Bar[] Bars(IBarFeed feed)
    {
        var bars = new List<Bar>();
        while (feed.TryRead(out var bar))
        {
            bars.Add(bar);
        }

        return [.. bars];
    }

    private static List<DecisionRecord> Entries(BacktestResult result) =>
        result.Decisions.Where(IsEntry).ToList();

    private static bool IsEntry(DecisionRecord decision) =>
        decision.Outcome == DecisionOutcome.OrderSent && decision.Signal.Direction == SignalDirection.Long;

    private static decimal Lots(decimal quantity) => Math.Floor(quantity / LotSize) * LotSize;
}
