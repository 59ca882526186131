using PluginBot.Engine.Execution;
using PluginBot.Properties.Tests.Infrastructure;
using PluginBot.Sdk.Orders;
using Xunit.Abstractions;
using static PluginBot.Properties.Tests.Infrastructure.ScenarioRun;

namespace PluginBot.Properties.Tests;

/// <summary>
/// Issue 8, the books balance: the engine's reported equity, cash and fees are exactly what replaying its own fills
/// against the bars gives, in decimal, at every sampled instant and at the end.
/// </summary>
public sealed class AccountingProperties(ITestOutputHelper output)
{
    /// <summary>
    /// The fills are replayed in trade order: cash = initial − Σ signed quantity × price − Σ fee, positions summed.
    /// At every equity point (EquitySamplingPeriod null keeps one per bar time) the point's cash is that cash and its
    /// equity is cash + Σ position × the symbol's last close, with no tolerance; the final point is the final equity;
    /// FeesPaid is the sum of the fill fees; and every filled order ended at the position its decision aimed for
    /// (so the risk bounds asserted at the decision are the positions actually held).
    /// </summary>
    [Fact]
    public void Accounting_RandomSequences_CashPlusPositionsAtLastCloseIsTheReportedEquityExactly()
    {
        var coverage = new Coverage();
        PropertyCheck.ForAll(RequiredLayer.None, seed: 8_007, run =>
        {
            var result = run.Result;
            var interval = run.Scenario.Interval.Duration;
            var fills = result.Orders.SelectMany(order => order.Fills).OrderBy(fill => fill.TradeId).ToList();
            Assert.Equal(fills.Sum(fill => fill.Fee), result.FeesPaid);
            Assert.Equal(fills.Count, result.FillCount);

            var targets = result.Decisions.Where(decision => decision.ClientOrderId is not null)
                .ToDictionary(decision => decision.ClientOrderId!, decision => decision.TargetPosition, StringComparer.Ordinal);
            var cash = run.Scenario.InitialCash;
            var positions = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var closes = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var nextFill = 0;
            var nextBar = 0;
            Assert.Equal(run.Bars.Select(bar => bar.EndTime).Distinct().Count(), result.EquityCurve.Count);
            foreach (var point in result.EquityCurve)
            {
                // A fill is stamped with the start of the bar it traded on, and that bar is complete at its close.
                for (; nextFill < fills.Count && fills[nextFill].Time + interval <= point.Time; nextFill++)
                {
                    var fill = fills[nextFill];
                    cash -= (Signed(fill) * fill.Price) + fill.Fee;
                    positions[fill.Symbol] = positions.GetValueOrDefault(fill.Symbol) + Signed(fill);
                    Assert.Equal(targets[fill.ClientOrderId], positions[fill.Symbol]);
                }

                for (; nextBar < run.Bars.Count && run.Bars[nextBar].EndTime <= point.Time; nextBar++)
                {
                    closes[run.Bars[nextBar].Symbol] = run.Bars[nextBar].Close;
                }

                var equity = cash + positions.Sum(position => position.Value * closes[position.Key]);
                Assert.True(point.Cash == cash, $"{point.Time:O}: reported cash {point.Cash}, replayed {cash}");
                Assert.True(point.Equity == equity, $"{point.Time:O}: reported equity {point.Equity}, replayed cash {cash} + positions at last close = {equity}");
            }

            Assert.Equal(fills.Count, nextFill);
            var final = result.EquityCurve[^1];
            Assert.Equal(final.Cash + positions.Sum(position => position.Value * closes[position.Key]), final.Equity);
            Assert.Equal(positions.Where(position => position.Value != 0m).OrderBy(position => position.Key, StringComparer.Ordinal),
                result.OpenPositions.OrderBy(position => position.Key, StringComparer.Ordinal));
            coverage.Count("runs with fills", fills.Count > 0);
            coverage.Count("runs ending with an open position", result.OpenPositions.Count > 0);
            coverage.Count("runs with a short", fills.Any(fill => positions.Count > 0 && fill.Side == OrderSide.Sell)
                && result.Decisions.Any(decision => decision.Outcome == DecisionOutcome.OrderSent && decision.TargetPosition < 0));
        });

        output.WriteLine(coverage.ToString());
        coverage.AtLeast("runs with fills", 5_000);
        coverage.AtLeast("runs ending with an open position", 2_000);
        coverage.AtLeast("runs with a short", 2_000);
    }
}
