using PluginBot.Properties.Tests.Infrastructure;
using Xunit.Abstractions;
using static PluginBot.Properties.Tests.Infrastructure.ScenarioRun;

namespace PluginBot.Properties.Tests;

/// <summary>
/// Issue 8, leverage: no order the engine sends takes gross exposure (every symbol's |position| × price) above
/// <c>maximumLeverage</c> × equity, with one or two symbols and longs and shorts.
/// </summary>
public sealed class GrossLeverageProperties(ITestOutputHelper output)
{
    /// <summary>
    /// Asserted at the decision, exactly, as for the position limit: the other symbols are valued as the layer values
    /// them (the portfolio's gross exposure minus this symbol's market value at the close just marked, read at the
    /// decision), this symbol at |target| × reference price. Orders that only shrink a position are exempt.
    /// </summary>
    [Fact]
    public void GrossLeverage_RandomSequences_NoSentOrderTakesGrossExposureOverTheCap()
    {
        var coverage = new Coverage();
        PropertyCheck.ForAll(RequiredLayer.GrossLeverage, seed: 8_002, run =>
        {
            var leverage = run.Scenario.GrossLeverage!.Value;
            var limited = false;
            var stacked = false;
            foreach (var (decision, point) in run.SentDecisions())
            {
                if (!IncreasesExposure(decision.PositionBefore, decision.TargetPosition))
                {
                    continue;
                }

                var others = Math.Max(point.GrossExposure - Math.Abs(point.SymbolMarketValue), 0m);
                var gross = others + (Math.Abs(decision.TargetPosition) * decision.ReferencePrice);
                var cap = leverage * point.Equity;
                Assert.True(gross <= cap,
                    $"{decision.Time:O} {decision.Symbol}: gross {others} in other symbols + {decision.TargetPosition} × {decision.ReferencePrice} = {gross} is over {leverage} × equity {point.Equity} = {cap}");
                limited |= decision.Reason?.Contains("risk-gross-leverage:", StringComparison.Ordinal) == true;
                stacked |= others > 0;
            }

            coverage.Count("runs with an entry scaled by the gross leverage limit", limited);
            coverage.Count("runs with an entry on top of another symbol's position", stacked);
            coverage.Count("runs with an entry vetoed by the gross leverage limit", run.Result.Decisions.Any(decision =>
                decision.Outcome == Engine.Execution.DecisionOutcome.Vetoed && decision.Reason?.StartsWith("risk-gross-leverage:", StringComparison.Ordinal) == true));
        });

        output.WriteLine(coverage.ToString());
        coverage.AtLeast("runs with an entry scaled by the gross leverage limit", 1_000);
        coverage.AtLeast("runs with an entry on top of another symbol's position", 1_000);
    }
}
