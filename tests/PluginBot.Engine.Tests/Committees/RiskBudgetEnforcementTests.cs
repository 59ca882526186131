using PluginBot.Engine.Committees;
using PluginBot.Engine.Execution;
using PluginBot.Engine.Tests.Infrastructure;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Tests.Committees;

public sealed class RiskBudgetEnforcementTests
{
    [Fact]
    public void AllowedNotional_BudgetBindsOnOneOfTwoExperts_IsTheSumOfEachCappedShare()
    {
        // min(0.75 × 8000, 0.3 × 10000) + min(0.25 × 8000, ∞) = 3000 + 2000.
        var allowed = RiskBudgetLimit.AllowedNotional([0.75, 0.25], [0.3, double.PositiveInfinity], 8_000m, 10_000m);

        Assert.Equal(5_000m, allowed);
    }

    [Fact]
    public void AllowedNotional_NoBudgetBinds_IsTheWholeTarget()
    {
        // min(6000, 0.9 × 10000) + min(2000, 0.5 × 10000) = 8000: both parts fit their budgets.
        Assert.Equal(8_000m, RiskBudgetLimit.AllowedNotional([0.75, 0.25], [0.9, 0.5], 8_000m, 10_000m));
    }

    [Fact]
    public void Update_BothExpertsAgree_SharesFollowEnsembleTimesGateTimesConfidence()
    {
        var harness = new RiskBudgetHarness(0.3, null);
        harness.Decide(Signal.Long(0.5), Signal.Long(0.5));

        Assert.Equal(SignalDirection.Long, harness.Attribution.Direction);
        Assert.Equal(0.75, harness.Attribution.Shares[0], 12);
        Assert.Equal(0.25, harness.Attribution.Shares[1], 12);
    }

    [Fact]
    public void Update_OneExpertOpposes_TheOpposingExpertHasNoShare()
    {
        var harness = new RiskBudgetHarness(0.3, null);
        // alpha pulls 3/4 × 0.8 long, beta 1/4 × 0.4 short: the committee goes long and all of it is alpha's.
        var decision = harness.Decide(Signal.Long(0.8), Signal.Short(0.4));

        Assert.Equal(SignalDirection.Long, decision.Signal.Direction);
        Assert.Equal(1.0, harness.Attribution.Shares[0], 12);
        Assert.Equal(0.0, harness.Attribution.Shares[1], 12);
    }

    [Fact]
    public void Update_CommitteeHolds_NothingIsAttributed()
    {
        var harness = new RiskBudgetHarness(0.3, null);
        harness.Decide(Signal.Long(0.5), Signal.Long(0.5));
        harness.Decide(Signal.Hold, Signal.Hold);

        Assert.Equal(SignalDirection.Hold, harness.Attribution.Direction);
        Assert.Equal([0.0, 0.0], harness.Attribution.Shares.ToArray());
    }

    [Fact]
    public void OnSignal_EntryWhereOneBudgetBinds_CutsTheTargetToTheAllowedNotionalAndSaysWhy()
    {
        var harness = new RiskBudgetHarness(0.3, null);
        var decision = harness.Decide(Signal.Long(0.5), Signal.Long(0.5));

        var record = harness.Act(decision.Signal);

        // Allowed 5000 USDT at 100 = 50 units of the 80 sized.
        Assert.Equal(DecisionOutcome.OrderSent, record.Outcome);
        Assert.Equal(50m, record.TargetPosition);
        Assert.Equal(50m, Assert.Single(harness.Execution.Orders).Request.Quantity);
        Assert.Equal(
            "expert risk budgets allow 5000 of the 8000 USDT target: alpha's share 0.75 (6000) is capped by its budget 0.3 × equity 10000 = 3000; quantity cut from 80 to 50",
            record.Reason);
    }

    [Fact]
    public void OnSignal_BothBudgetsBind_TheReasonNamesBothExperts()
    {
        var harness = new RiskBudgetHarness(0.3, 0.1);
        var decision = harness.Decide(Signal.Long(0.5), Signal.Long(0.5));

        var record = harness.Act(decision.Signal);

        // min(6000, 3000) + min(2000, 1000) = 4000 USDT = 40 units.
        Assert.Equal(40m, record.TargetPosition);
        Assert.Equal(
            "expert risk budgets allow 4000 of the 8000 USDT target: alpha's share 0.75 (6000) is capped by its budget 0.3 × equity 10000 = 3000; "
            + "beta's share 0.25 (2000) is capped by its budget 0.1 × equity 10000 = 1000; quantity cut from 80 to 40",
            record.Reason);
    }

    [Fact]
    public void OnSignal_BudgetsThatDoNotBind_SendTheSizedTargetWithoutAReason()
    {
        var harness = new RiskBudgetHarness(0.9, 0.5);
        var record = harness.Act(harness.Decide(Signal.Long(0.5), Signal.Long(0.5)).Signal);

        Assert.Equal(80m, record.TargetPosition);
        Assert.Null(record.Reason);
    }

    [Fact]
    public void OnSignal_Reduction_IsNeverCut()
    {
        var harness = new RiskBudgetHarness(0.01, 0.01);
        harness.Portfolio.Apply(TestFills.Buy(RiskBudgetHarness.Symbol, 80m, RiskBudgetHarness.Price));
        // Both experts now say short; a cash account cannot short, so the engine closes the whole long: a reduction,
        // which the 1 % budgets (100 USDT each) would otherwise cut to 2 units.
        var decision = harness.Decide(Signal.Short(0.5), Signal.Short(0.5));

        var record = harness.Act(decision.Signal);

        Assert.Equal(DecisionOutcome.OrderSent, record.Outcome);
        Assert.Equal(0m, record.TargetPosition);
        Assert.Null(record.Reason);
        var order = Assert.Single(harness.Execution.Orders).Request;
        Assert.Equal(OrderSide.Sell, order.Side);
        Assert.Equal(80m, order.Quantity);
    }

    [Fact]
    public void OnSignal_FlipToTheOtherSide_OnlyTheNewPositionIsHeldToTheBudgets()
    {
        var harness = new RiskBudgetHarness(0.3, null, allowShort: true);
        harness.Portfolio.Apply(TestFills.Buy(RiskBudgetHarness.Symbol, 80m, RiskBudgetHarness.Price));
        var decision = harness.Decide(Signal.Short(0.5), Signal.Short(0.5));

        var record = harness.Act(decision.Signal);

        // Target −80 is cut to −50 (same numbers as the entry); the order sells the 80 held plus the 50.
        Assert.Equal(-50m, record.TargetPosition);
        Assert.Equal(130m, Assert.Single(harness.Execution.Orders).Request.Quantity);
    }

    [Fact]
    public void OnSignal_CutBelowTheMinimumNotional_IsNotSized()
    {
        var harness = new RiskBudgetHarness(0.0001, null);
        // beta abstains, so all of the decision is alpha's and its 0.01 % budget allows 1 USDT: 0.01 units.
        var decision = harness.Decide(Signal.Long(0.5), Signal.Hold);

        var record = harness.Act(decision.Signal);

        Assert.Equal(DecisionOutcome.NotSized, record.Outcome);
        Assert.Equal(0m, record.TargetPosition);
        Assert.Empty(harness.Execution.Orders);
        Assert.Equal(
            "expert risk budgets allow 1 of the 8000 USDT target: alpha's share 1 (8000) is capped by its budget 0.0001 × equity 10000 = 1; quantity cut from 80 to 0.01, "
            + "which the exchange would refuse (notional 1.000 USDT is below the minimum notional 10 for BTCUSDT), so no position is opened",
            record.Reason);
    }

    [Fact]
    public void OnSignal_WithoutAnAttributionSource_SendsTheSizedTarget()
    {
        var harness = new RiskBudgetHarness(0.0001, 0.0001);
        harness.Decide(Signal.Long(0.5), Signal.Long(0.5));
        harness.Execution.ExpertAttributionOf = null;

        var record = harness.Act(Signal.Long(0.5));

        Assert.Equal(80m, record.TargetPosition);
        Assert.Null(record.Reason);
    }
}
