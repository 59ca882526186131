using PluginBot.Properties.Tests.Infrastructure;
using Xunit.Abstractions;
using static PluginBot.Properties.Tests.Infrastructure.ScenarioRun;

namespace PluginBot.Properties.Tests;

/// <summary>
/// Issue 8, position size: whatever the sizer asks for and whatever the other layers do, no order the engine sends
/// takes one symbol above <c>maximumFraction</c> × equity.
/// </summary>
public sealed class PositionLimitProperties(ITestOutputHelper output)
{
    /// <summary>
    /// The bound is asserted at the decision, on what the layer controls: the position the order ends at
    /// (|target| × reference price) against <c>maximumFraction</c> × the equity the layer saw. It holds exactly there:
    /// the layer scales by ⌊room ÷ requested⌋ to 4 places, other layers' scales are at most 1 and the engine rounds
    /// the quantity down to the lot, so every factor only shrinks the order. At the fill the same position is worth
    /// |target| × fill price, i.e. the bound times fill ÷ reference — the price move between decision and fill (gap
    /// plus slippage) is not the layer's to control, which is why the fill-time check is the accounting property's
    /// "the fill is exactly the decided position". An order that only shrinks a position always passes (the layer
    /// lets reductions through, and a flip scaled short of zero is such a reduction), so only orders that open,
    /// grow or flip a position are held to the cap.
    /// </summary>
    [Fact]
    public void PositionLimit_RandomSequences_NoSentOrderTakesASymbolOverTheCap()
    {
        var coverage = new Coverage();
        PropertyCheck.ForAll(RequiredLayer.PositionLimit, seed: 8_001, run =>
        {
            var fraction = run.Scenario.PositionLimit!.Value;
            var limited = false;
            foreach (var (decision, point) in run.SentDecisions())
            {
                Assert.Equal(point.Close, decision.ReferencePrice);
                Assert.Equal(point.Position, decision.PositionBefore);
                if (!IncreasesExposure(decision.PositionBefore, decision.TargetPosition))
                {
                    continue;
                }

                var value = Math.Abs(decision.TargetPosition) * decision.ReferencePrice;
                var cap = fraction * point.Equity;
                Assert.True(value <= cap,
                    $"{decision.Time:O} {decision.Symbol}: position {decision.TargetPosition} × {decision.ReferencePrice} = {value} is over {fraction} × equity {point.Equity} = {cap}");
                coverage.Count("entries");
                limited |= decision.Reason?.Contains("risk-position-limit:", StringComparison.Ordinal) == true;
            }

            coverage.Count("runs with an entry scaled by the position limit", limited);
        });

        output.WriteLine(coverage.ToString());
        coverage.AtLeast("runs with an entry scaled by the position limit", 1_000);
    }
}
