using PluginBot.Engine.Committees;
using PluginBot.Engine.Hosting;
using PluginBot.Experts.Committees;
using PluginBot.Experts.Ensembles;
using PluginBot.Experts.Routing;
using PluginBot.Engine.Tests.Infrastructure;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Regimes;

namespace PluginBot.Engine.Tests.Committees;

public sealed class RiskBudgetAllocationTests
{
    [Fact]
    public void OnBar_WithBudgetsInSteadyState_KeepsTheSharesWithoutAllocating()
    {
        string[] names = ["momentum", "momentum#1"];
        var strategy = Strategy(names, new ExpertRiskBudgets(names, [0.1, null]));
        var bars = Enumerable.Range(0, 2_000).Select(minute => TestBars.Flat("BTCUSDT", minute, 100m + (minute % 7))).ToArray();
        for (var index = 0; index < 10; index++)
        {
            strategy.OnBar(in bars[index]);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var index = 10; index < bars.Length; index++)
        {
            strategy.OnBar(in bars[index]);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        var attribution = strategy.AttributionOf("BTCUSDT")!;
        // The last bar closed above the one before, so both momentum experts voted long with the same weight.
        Assert.Equal([0.5, 0.5], attribution.Shares.ToArray());
    }

    [Fact]
    public void Constructor_BudgetsWithNoExpertLimited_KeepsNoAttribution()
    {
        string[] names = ["momentum", "momentum#1"];
        var strategy = Strategy(names, new ExpertRiskBudgets(names, [null, null]));
        strategy.OnBar(TestBars.Flat("BTCUSDT", 0, 100m));
        strategy.OnBar(TestBars.Flat("BTCUSDT", 1, 101m));

        Assert.Null(strategy.RiskBudgets);
        Assert.Null(strategy.AttributionOf("BTCUSDT"));
    }

    private static CommitteeStrategy Strategy(string[] names, ExpertRiskBudgets budgets)
    {
        var slots = names.Select(name => new PluginSlot<IExpert>(name, new MomentumExpert(), "test")).ToArray();
        var sets = new ExpertSets(names, Enum.GetValues<MarketRegime>().ToDictionary(regime => regime, _ => (IReadOnlyList<string>)names));
        return new CommitteeStrategy(null, slots, new ExpertCommittee(sets, count => new WeightedVotingEnsemble(count)), maximumTrailRecords: 0, riskBudgets: budgets);
    }
}
