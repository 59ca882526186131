using PluginBot.Engine.Execution;
using PluginBot.Properties.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PluginBot.Properties.Tests;

/// <summary>
/// Issue 8, daily halt: once the day's loss reaches the limit, no new entry for the rest of that UTC day.
/// Scenarios are hourly bars over one to three days starting at a random hour, so halts meet midnights.
/// </summary>
public sealed class DailyLossProperties(ITestOutputHelper output)
{
    private const string Source = "risk-daily-loss:";

    /// <summary>
    /// Two checks per run. The issue's own: after the layer vetoes an entry on a UTC day, every order sent later that
    /// day only closes (ends flat: while halted only reducing intents pass, and the engine's reducing intents are
    /// exactly the ones that target zero). And an independent model of the documented rule — halted from the first
    /// bar of a day at which daily P&amp;L ≤ −limit × day-start equity, sticky until the UTC day changes (a bar
    /// closing at 00:00 still belongs to the old day) — against which no entry may be sent while halted and no
    /// daily-loss veto may happen while not halted.
    /// </summary>
    [Fact]
    public void DailyLoss_RandomSequences_NoEntryAfterTheHaltForTheRestOfTheDay()
    {
        var coverage = new Coverage();
        PropertyCheck.ForAll(RequiredLayer.DailyLoss, seed: 8_003, run =>
        {
            var limit = run.Scenario.DailyLoss!.Value;
            var decisions = run.Result.Decisions;
            for (var index = 0; index < decisions.Count; index++)
            {
                var veto = decisions[index];
                if (veto.Outcome != DecisionOutcome.Vetoed || veto.Reason?.StartsWith(Source, StringComparison.Ordinal) != true)
                {
                    continue;
                }

                foreach (var later in decisions.Skip(index + 1).Where(later => later.Outcome == DecisionOutcome.OrderSent && TradingDay(later.Time) == TradingDay(veto.Time)))
                {
                    Assert.True(later.TargetPosition == 0m,
                        $"{later.Time:O} {later.Symbol}: order to {later.TargetPosition} from {later.PositionBefore} sent after the daily-loss veto at {veto.Time:O} the same UTC day");
                    coverage.Count("closing orders after a veto");
                }
            }

            var halted = HaltedPoints(run, limit);
            foreach (var (decision, point) in run.SentDecisions())
            {
                Assert.False(halted.Contains(point.Index) && decision.TargetPosition != 0m,
                    $"{decision.Time:O} {decision.Symbol}: order to {decision.TargetPosition} from {decision.PositionBefore} sent while the day (start equity {point.EquityAtDayStart}, P&L {point.DailyProfitLoss}) was halted");
            }

            var points = run.Points.ToDictionary(point => (point.Time, point.Symbol));
            foreach (var veto in decisions.Where(decision => decision.Outcome == DecisionOutcome.Vetoed && decision.Reason?.StartsWith(Source, StringComparison.Ordinal) == true))
            {
                Assert.True(halted.Contains(points[(veto.Time, veto.Symbol)].Index), $"{veto.Time:O} {veto.Symbol}: vetoed ({veto.Reason}) although the day's loss never reached the limit");
            }

            coverage.Count("runs with a halt", halted.Count > 0);
            coverage.Count("runs with a daily-loss veto", decisions.Any(decision => decision.Reason?.StartsWith(Source, StringComparison.Ordinal) == true));
            coverage.Count("runs with an entry after a halt lifted at midnight", run.SentDecisions().Any(sent =>
                sent.Decision.TargetPosition != 0m && !halted.Contains(sent.Point.Index) && halted.Any(index => run.Points[index].Time < sent.Point.Time)));
        });

        output.WriteLine(coverage.ToString());
        coverage.AtLeast("runs with a daily-loss veto", 1_000);
        coverage.AtLeast("closing orders after a veto", 500);
        coverage.AtLeast("runs with an entry after a halt lifted at midnight", 200);
    }

    // The day an instant belongs to: an event at exactly 00:00 closes the old day.
    private static DateTime TradingDay(DateTime time) => time.AddTicks(-1).Date;

    /// <summary>The decision points (by index) at which the documented rule says the layer is halted.</summary>
    private static HashSet<int> HaltedPoints(ScenarioRun run, decimal limit)
    {
        var halted = new HashSet<int>();
        DateTime? haltedDay = null;
        foreach (var point in run.Points)
        {
            var day = TradingDay(point.Time);
            if (haltedDay is { } previous && day > previous)
            {
                haltedDay = null;
            }

            if (haltedDay is null && (point.EquityAtDayStart <= 0 || point.DailyProfitLoss <= -limit * point.EquityAtDayStart))
            {
                haltedDay = day;
            }

            if (haltedDay is not null)
            {
                halted.Add(point.Index);
            }
        }

        return halted;
    }
}
