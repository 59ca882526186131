using PluginBot.Engine.Backtest;
using PluginBot.Engine.Execution;
using PluginBot.Engine.Feeds;
using PluginBot.Plugins.Risk.DailyLoss;
using PluginBot.Plugins.Risk.Drawdown;
using PluginBot.Plugins.Risk.GrossLeverage;
using PluginBot.Plugins.Risk.KillSwitch;
using PluginBot.Plugins.Risk.PositionLimit;
using PluginBot.Plugins.Risk.Tests.Infrastructure;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;
using static PluginBot.Plugins.Risk.Tests.Infrastructure.RiskBacktest;

namespace PluginBot.Plugins.Risk.Tests;

/// <summary>
/// Each layer in a real backtest session (simulated clock, exchange with 10 bp fees, portfolio) where its limit
/// binds: the sizer asks for 95 % of equity and knows nothing of any limit, so whatever keeps the run inside the
/// limit is the layer, and what it did must be in the decision records with its reason.
/// </summary>
public sealed class RiskLayersBacktestTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void PositionLimit_SizerAsksForTooMuch_EveryEntryIsScaledToTheCapAndNoFillExceedsIt()
    {
        var result = Run(Feed(Symbol, 400, seed: 7), 0.95m, ("risk-position-limit", new PositionLimitRiskManager(), "{}"));

        var entries = Entries(result);
        Assert.True(entries.Count >= 150, $"only {entries.Count} entries");
        var equityAt = result.EquityCurve.ToDictionary(point => point.Time, point => point.Equity);
        foreach (var entry in entries)
        {
            // The sizer's quantity q = ⌊0.95 E / P⌋ is worth more than the cap 0.5 E from flat, so scale = ⌊0.5 E / (q P)⌋₄
            // and the engine sends ⌊q × scale⌋ in lots. E is the equity at the decision (nothing fills before the next bar).
            var equity = equityAt[entry.Time];
            var requested = Lots(0.95m * equity / entry.ReferencePrice);
            var scale = Math.Floor(0.5m * equity / (requested * entry.ReferencePrice) * 10_000m) / 10_000m;
            Assert.Equal(Lots(requested * scale), entry.TargetPosition);
            Assert.StartsWith("risk-position-limit: BTCUSDT would be worth", entry.Reason);
            Assert.EndsWith($"scaled by {scale:0.0000}", entry.Reason);
        }

        var snapshots = FilledPositions.AfterEachFill(result, FilledPositions.Closes(Feed(Symbol, 400, seed: 7)), Minute);
        Assert.NotEmpty(snapshots);
        Assert.All(snapshots, snapshot =>
            Assert.True(snapshot.Values[Symbol] <= (0.5m * snapshot.Equity) + (LotSize * snapshot.Closes[Symbol]),
                $"{snapshot.Time:O}: position value {snapshot.Values[Symbol]} over half of equity {snapshot.Equity}"));
    }

    [Fact]
    public void GrossLeverage_SecondSymbolOnTopOfAHeldOne_IsScaledToTheRoomLeftAndGrossNeverExceedsTheCap()
    {
        // BTC is bought with 60 % of equity and held; ETH then asks for another 60 % on every entry against a cap of
        // 0.9 × equity, so each ETH entry gets roughly the remaining 30 % — scaled by about one half.
        IBarFeed Feeds() => new MergedBarFeed([Feed(Symbol, 300, seed: 11), Feed(OtherSymbol, 300, seed: 12, startPrice: 2_000)]);
        var result = Run(Feeds(), 0.6m, [Symbol], ("risk-gross-leverage", new GrossLeverageRiskManager(), """{ "maximumLeverage": 0.9 }"""));

        var btcEntry = Assert.Single(Entries(result), entry => entry.Symbol == Symbol);
        Assert.Null(btcEntry.Reason);
        var btcHeld = btcEntry.TargetPosition;
        var closes = FilledPositions.Closes(Feed(Symbol, 300, seed: 11), Feed(OtherSymbol, 300, seed: 12, startPrice: 2_000));
        var equityAt = result.EquityCurve.ToDictionary(point => point.Time, point => point.Equity);
        var ethEntries = Entries(result).Where(entry => entry.Symbol == OtherSymbol).ToList();
        Assert.True(ethEntries.Count >= 100, $"only {ethEntries.Count} ETH entries");
        Assert.All(ethEntries, entry =>
        {
            // BTC's bar at the same time is handled first (ties go by symbol), so the ETH decision sees BTC marked at
            // this close and the same equity the curve sampled. Room = 0.9 E − BTC value; q = ⌊0.6 E / P⌋ in lots.
            var equity = equityAt[entry.Time];
            var room = (0.9m * equity) - (btcHeld * closes[(Symbol, entry.Time)]);
            var requested = Lots(0.6m * equity / entry.ReferencePrice);
            var scale = Math.Floor(room / (requested * entry.ReferencePrice) * 10_000m) / 10_000m;
            Assert.InRange(scale, 0.4m, 0.6m);
            Assert.Equal(Lots(requested * scale), entry.TargetPosition);
            Assert.StartsWith("risk-gross-leverage: gross exposure would be", entry.Reason);
            Assert.EndsWith($"scaled by {scale:0.0000}", entry.Reason);
        });

        var snapshots = FilledPositions.AfterEachFill(result, closes, Minute);
        Assert.All(snapshots, snapshot =>
            Assert.True(snapshot.Values.Values.Sum() <= (0.9m * snapshot.Equity) + (LotSize * snapshot.Closes[Symbol]),
                $"{snapshot.Time:O}: gross {snapshot.Values.Values.Sum()} over 0.9 × equity {snapshot.Equity}"));
    }

    [Fact]
    public void DailyLoss_FeesEatTheDailyAllowance_HaltsEntriesForTheRestOfEachDayAndResumesAtMidnight()
    {
        // A round trip of 95 % of 10,000 costs about 2 × 9.50 in fees, so a 0.5 % (≈ 50) daily limit is hit within a
        // few round trips every day. Three days of minute bars.
        var layer = new DailyLossRiskManager();
        var result = Run(Feed(Symbol, 3 * 1_440, seed: 5), 0.95m, ("risk-daily-loss", layer, """{ "maximumDailyLoss": 0.005 }"""));

        var equityAt = result.EquityCurve.ToDictionary(point => point.Time, point => point.Equity);
        var days = result.Decisions.GroupBy(decision => decision.Time.AddTicks(-1).Date).OrderBy(day => day.Key).ToList();
        Assert.Equal(3, days.Count);
        var dayStartEquity = 10_000m;
        foreach (var day in days)
        {
            var firstVeto = day.First(decision => decision.Outcome == DecisionOutcome.Vetoed);
            Assert.StartsWith("risk-daily-loss: daily loss", firstVeto.Reason);
            Assert.Contains($"halted until 00:00 UTC after {day.Key:yyyy-MM-dd}", firstVeto.Reason);

            // The halt came no earlier than the limit: the day had lost at least 0.5 % of its starting equity.
            Assert.True(equityAt[firstVeto.Time] - dayStartEquity <= -0.005m * dayStartEquity, $"{day.Key:d}: halted at equity {equityAt[firstVeto.Time]}");

            // Entries before the halt, none after it for the rest of that UTC day.
            Assert.Contains(day, decision => decision.Time < firstVeto.Time && IsEntry(decision));
            Assert.DoesNotContain(day, decision => decision.Time > firstVeto.Time && IsEntry(decision));
            dayStartEquity = equityAt[day.Key.AddDays(1)];
        }

        Assert.Equal(RiskState.Halted, layer.State);
    }

    [Fact]
    public void Drawdown_LosingStrategy_ScalesEntriesAtTheLevelThenGoesReduceOnlyForGood()
    {
        // Levels: 0.2 % drawdown → half size; reduce-only from 0.5 %. Fees alone drive equity down.
        var layer = new DrawdownRiskManager();
        var result = Run(Feed(Symbol, 400, seed: 9), 0.95m,
            ("risk-drawdown", layer, """{ "levels": [ { "drawdown": 0.002, "scale": 0.5 } ], "maximumDrawdown": 0.005 }"""));

        var equityAt = result.EquityCurve.ToDictionary(point => point.Time, point => point.Equity);
        var scaled = Entries(result).Where(entry => entry.Reason is not null).ToList();
        Assert.NotEmpty(scaled);
        Assert.All(scaled, entry =>
        {
            // Half of what the sizer asked for: ⌊⌊0.95 E / P⌋ × 0.5⌋ in lots.
            Assert.Equal(Lots(Lots(0.95m * equityAt[entry.Time] / entry.ReferencePrice) * 0.5m), entry.TargetPosition);
            Assert.Matches(@"^risk-drawdown: drawdown 0\.[2-4]\d* % from the peak equity \d+\.\d\d reached the 0\.2 % level; new risk scaled by 0\.5$", entry.Reason);
        });

        var firstVeto = result.Decisions.First(decision => decision.Outcome == DecisionOutcome.Vetoed);
        Assert.Contains("is at or beyond the maximum drawdown of 0.5 %; reduce-only until equity regains", firstVeto.Reason);
        Assert.True(scaled.Last().Time < firstVeto.Time);
        Assert.DoesNotContain(result.Decisions, decision => decision.Time > firstVeto.Time && IsEntry(decision));
        Assert.Equal(RiskState.Reducing, layer.State);
        Assert.True(layer.CurrentDrawdown >= 0.005m);
    }

    [Fact]
    public void KillSwitch_EngagedAndReleasedDuringARun_BlocksEntriesInBetweenButLetsTheOpenPositionClose()
    {
        // Bar i closes at origin + (i + 1) minutes. The switch is engaged between bars 100 and 101 (bar 100 has just
        // sent a long entry) and released between bars 200 and 201.
        var layer = new KillSwitchRiskManager();
        var engagedAfter = Origin.AddMinutes(101);
        var releasedAfter = Origin.AddMinutes(201);
        var feed = new CallbackFeed(Feed(Symbol, 300, seed: 13), new Dictionary<int, Action>
        {
            [101] = () => layer.Engage("operator: test outage"),
            [201] = layer.Release,
        });

        var result = Run(feed, 0.95m, ("risk-kill-switch", layer, "{}"));

        // Bar 101 (odd) closes the position bar 100 opened: a reduction, so it is sent.
        Assert.Contains(result.Decisions, d => d.Time == Origin.AddMinutes(102) && d.Signal.Direction == SignalDirection.Flat && d.Outcome == DecisionOutcome.OrderSent);
        var veto = Assert.Single(result.Decisions, d => d.Outcome == DecisionOutcome.Vetoed);
        Assert.Equal(Origin.AddMinutes(103), veto.Time);
        Assert.Equal("risk-kill-switch: the kill switch is engaged (operator: test outage); only reductions pass", veto.Reason);
        Assert.DoesNotContain(result.Decisions, d => d.Time > engagedAfter && d.Time <= releasedAfter && IsEntry(d));
        Assert.Contains(result.Decisions, d => d.Time == Origin.AddMinutes(203) && IsEntry(d));
        Assert.Equal(RiskState.Active, layer.State);
    }

    [Fact]
    public void Layers_TwoLayersScaleTheSameEntry_ScalesMultiplyAndBothReasonsAreRecorded()
    {
        // Position limit 0.5 of equity and a drawdown ladder that halves new risk from a 0.01 % drawdown (reached after
        // the first round trip's fees): entries after that are scaled by both, and the record names both layers.
        var result = Run(Feed(Symbol, 200, seed: 17), 0.95m,
            ("risk-position-limit", new PositionLimitRiskManager(), "{}"),
            ("risk-drawdown", new DrawdownRiskManager(), """{ "levels": [ { "drawdown": 0.0001, "scale": 0.5 } ], "maximumDrawdown": 0.9 }"""));

        var equityAt = result.EquityCurve.ToDictionary(point => point.Time, point => point.Equity);
        var both = Entries(result).Where(entry => entry.Reason?.Contains("; risk-drawdown: ", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(both);
        Assert.All(both, entry =>
        {
            var equity = equityAt[entry.Time];
            var requested = Lots(0.95m * equity / entry.ReferencePrice);
            var positionScale = Math.Floor(0.5m * equity / (requested * entry.ReferencePrice) * 10_000m) / 10_000m;
            Assert.StartsWith("risk-position-limit: ", entry.Reason);
            Assert.Equal(Lots(requested * positionScale * 0.5m), entry.TargetPosition);
        });
    }

    private static List<DecisionRecord> Entries(BacktestResult result) =>
        result.Decisions.Where(IsEntry).ToList();

    private static bool IsEntry(DecisionRecord decision) =>
        decision.Outcome == DecisionOutcome.OrderSent && decision.Signal.Direction == SignalDirection.Long;

    private static decimal Lots(decimal quantity) => Math.Floor(quantity / LotSize) * LotSize;
}
