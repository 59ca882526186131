using PluginBot.Engine.Execution;
using PluginBot.Properties.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PluginBot.Properties.Tests;

/// <summary>
/// Issue 8, reduce-only after the hard drawdown: from the bar at which equity is <c>maximumDrawdown</c> below its
/// peak, no order may open, grow or flip a position until equity regains peak × (1 − maximumDrawdown ÷ 2), the
/// recovery point the layer documents.
/// </summary>
public sealed class DrawdownProperties(ITestOutputHelper output)
{
    private const string Source = "risk-drawdown:";

    /// <summary>
    /// An independent model of the documented rule replays the equity the layer saw (the initial cash at
    /// initialisation, then the equity at every bar, which is what Observe and Assess read): the peak is the highest
    /// equity so far; reduce-only starts when (peak − equity) ÷ peak ≥ maximum and ends when equity ≥ peak × (1 −
    /// maximum ÷ 2). While the model is reduce-only every sent order must end flat, and the layer's reduce-only
    /// vetoes must all fall inside the model's reduce-only stretches.
    /// </summary>
    [Fact]
    public void Drawdown_RandomSequences_OnlyReductionsBetweenTheHardLimitAndTheRecoveryPoint()
    {
        var coverage = new Coverage();
        PropertyCheck.ForAll(RequiredLayer.Drawdown, seed: 8_004, run =>
        {
            var maximum = run.Scenario.Drawdown!.Maximum;
            var reducing = ReduceOnlyPoints(run, maximum);
            foreach (var (decision, point) in run.SentDecisions())
            {
                Assert.False(reducing.Contains(point.Index) && decision.TargetPosition != 0m,
                    $"{decision.Time:O} {decision.Symbol}: order to {decision.TargetPosition} from {decision.PositionBefore} sent in reduce-only at equity {point.Equity}");
                coverage.Count("closing orders in reduce-only", reducing.Contains(point.Index));
            }

            var points = run.Points.ToDictionary(point => (point.Time, point.Symbol));
            var hardVetoes = run.Result.Decisions.Where(decision => decision.Outcome == DecisionOutcome.Vetoed
                && decision.Reason?.StartsWith(Source, StringComparison.Ordinal) == true).ToList();
            foreach (var veto in hardVetoes)
            {
                Assert.True(reducing.Contains(points[(veto.Time, veto.Symbol)].Index), $"{veto.Time:O} {veto.Symbol}: vetoed ({veto.Reason}) outside reduce-only");
            }

            coverage.Count("runs reaching reduce-only", reducing.Count > 0);
            coverage.Count("runs with a reduce-only veto", hardVetoes.Count > 0);
            coverage.Count("runs recovering and entering again", run.SentDecisions().Any(sent =>
                sent.Decision.TargetPosition != 0m && !reducing.Contains(sent.Point.Index) && reducing.Any(index => index < sent.Point.Index)));
        });

        output.WriteLine(coverage.ToString());
        coverage.AtLeast("runs with a reduce-only veto", 800);
        coverage.AtLeast("closing orders in reduce-only", 500);
        coverage.AtLeast("runs recovering and entering again", 50);
    }

    private static HashSet<int> ReduceOnlyPoints(ScenarioRun run, decimal maximum)
    {
        var reducing = new HashSet<int>();
        var peak = run.Scenario.InitialCash;
        var reduceOnly = false;
        foreach (var point in run.Points)
        {
            var equity = point.Equity;
            peak = Math.Max(peak, equity);
            var drawdown = peak <= 0 ? 1m : (peak - equity) / peak;
            if (!reduceOnly && drawdown >= maximum)
            {
                reduceOnly = true;
            }
            else if (reduceOnly && peak > 0 && equity >= peak * (1m - (maximum / 2m)))
            {
                reduceOnly = false;
            }

            if (reduceOnly)
            {
                reducing.Add(point.Index);
            }
        }

        return reducing;
    }
}
