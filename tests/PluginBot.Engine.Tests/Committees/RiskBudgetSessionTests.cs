using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Execution;
using PluginBot.Engine.Tests.Infrastructure;
using PluginBot.Experts.Committees;
using PluginBot.Plugins.FixedFractionSizer;
using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Tests.Committees;

public sealed class RiskBudgetSessionTests
{
    // Two momentum experts with prior weights 3 and 1: when both vote, the first owns 3/4 of each decision. The
    // sizer asks for half the equity, so the first expert's part (3/8 of equity) is far over its 10 % budget.
    private const string BudgetedExperts = """
        "experts": [
          { "plugin": "momentum", "weight": 3, "riskBudget": 0.1 },
          { "plugin": "momentum", "weight": 1 }
        ],
        """;

    [Fact]
    public void Run_BudgetBindsOnShippedData_NoEntryIsAttributableToAnExpertBeyondItsBudgetPlusOneLot()
    {
        using var directory = new TemporaryDirectory();
        var (session, witness) = Session(directory, BudgetedExperts);
        var result = session.Run();

        var trail = result.CommitteeTrail.GroupBy(record => record.Time).ToDictionary(group => group.Key, group => group.Single().Decision);
        var lot = ShippedCompositionBacktest.OptionsFor(StrategyCompositionLoader.Load(Path.Combine(directory.FullPath, "committee.json")),
            ShippedCompositionBacktest.LoadData(RepositoryPaths.BinanceBitcoinMinuteFile)).Instruments.Get(result.Decisions[0].Symbol).LotSize;
        var entries = result.Decisions.Where(decision => decision.Outcome == DecisionOutcome.OrderSent && IsEntry(decision)).ToList();
        Assert.True(entries.Count > 10, $"only {entries.Count} entries");
        var largestFraction = 0m;
        foreach (var entry in entries)
        {
            var shares = Shares(trail[entry.Time]);
            Assert.Equal(0.75, shares[0], 12);
            var equity = witness.EquityAt[entry.Time];
            var price = entry.ReferencePrice;
            // What the sizer asked for (half of equity, capped at half the cash, whole lots) and what was sent.
            var sized = Math.Floor(0.5m * Math.Min(equity, witness.CashAt[entry.Time]) / price / lot) * lot * price;
            var position = Math.Abs(entry.TargetPosition) * price;
            // The unbudgeted expert keeps its whole share of the sized target; the rest of the position is the first expert's.
            var attributable = position - ((decimal)shares[1] * sized);
            Assert.True(attributable <= (0.1m * equity) + (lot * price),
                $"{entry.Time:O}: {attributable} attributable to the budgeted expert, budget {0.1m * equity}");
            largestFraction = Math.Max(largestFraction, attributable / equity);
            Assert.StartsWith("expert risk budgets allow ", entry.Reason);
            Assert.Contains("momentum's share 0.75 (", entry.Reason, StringComparison.Ordinal);
            Assert.Contains("is capped by its budget 0.1 × equity ", entry.Reason, StringComparison.Ordinal);
        }

        // The budget really binds (the expert gets close to its 10 %), and the unbudgeted expert keeps its own part:
        // 0.1 + 0.25 × 0.5 = 22.5 % of equity per entry instead of the 50 % sized.
        Assert.InRange(largestFraction, 0.099m, 0.1m);
        Assert.All(entries, entry =>
            Assert.InRange(Math.Abs(entry.TargetPosition) * entry.ReferencePrice / witness.EquityAt[entry.Time], 0.2245m, 0.2251m));
    }

    [Fact]
    public void Run_WithoutBudgets_EntriesKeepTheSizedTargetAndNoAttributionIsKept()
    {
        using var directory = new TemporaryDirectory();
        var (session, witness) = Session(directory, BudgetedExperts.Replace(", \"riskBudget\": 0.1", string.Empty, StringComparison.Ordinal));
        var result = session.Run();

        Assert.Null(session.Committee!.RiskBudgets);
        Assert.Null(session.Committee.AttributionOf(result.Decisions[0].Symbol));
        var entries = result.Decisions.Where(decision => decision.Outcome == DecisionOutcome.OrderSent && IsEntry(decision)).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, entry =>
        {
            Assert.Null(entry.Reason);
            Assert.InRange(Math.Abs(entry.TargetPosition) * entry.ReferencePrice / witness.EquityAt[entry.Time], 0.49m, 0.5m);
        });
    }

    [Fact]
    public void Run_ShadowExperiment_EntriesAreHeldToTheTradingSetsBudgetsOnly()
    {
        using var directory = new TemporaryDirectory();
        var (session, _) = Session(directory, BudgetedExperts + """
            "candidate": { "experts": [ { "plugin": "momentum", "riskBudget": 0.01 } ] },
            "split": { "mode": "shadow" },
            """);
        var result = session.Run();

        // The control trades every decision, so its 10 % budget binds and the candidate's 1 % never does.
        Assert.NotNull(session.CandidateCommittee!.AttributionOf(result.Decisions[0].Symbol));
        var entries = result.Decisions.Where(decision => decision.Outcome == DecisionOutcome.OrderSent && IsEntry(decision)).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, entry =>
        {
            Assert.Contains("is capped by its budget 0.1 × equity ", entry.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain("budget 0.01 ", entry.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Load_RiskBudgetOfAnExpert_IsReadIntoItsReference()
    {
        using var directory = new TemporaryDirectory();
        var composition = StrategyCompositionLoader.Load(Write(directory, BudgetedExperts));

        Assert.Equal([0.1, null], composition.Committee!.Experts.Select(expert => expert.RiskBudget));
    }

    [Theory]
    [InlineData("0", "expected a positive number, found 0")]
    [InlineData("1.5", "expected a fraction of equity above 0 and at most 1, found 1.5")]
    [InlineData("-0.2", "expected a number not below 0, found -0.2")]
    [InlineData("\"half\"", "expected a number, found String")]
    public void Load_RiskBudgetOutOfRange_FailsNamingTheFileAndJsonPath(string budget, string problem)
    {
        using var directory = new TemporaryDirectory();
        var path = Write(directory, $$"""
            "experts": [ { "plugin": "momentum" }, { "plugin": "momentum", "riskBudget": {{budget}} } ],
            """);

        var exception = Assert.Throws<CompositionException>(() => StrategyCompositionLoader.Load(path));

        Assert.Equal(path, exception.FilePath);
        Assert.Equal("$.experts[1].riskBudget", exception.JsonPath);
        Assert.Equal(problem, exception.Problem);
    }

    // Entries and flips: the only decisions the budgets apply to (a flat or reduced target is never cut).
    private static bool IsEntry(DecisionRecord decision) =>
        decision.TargetPosition != 0
        && (Math.Sign(decision.TargetPosition) != Math.Sign(decision.PositionBefore) || Math.Abs(decision.TargetPosition) > Math.Abs(decision.PositionBefore));

    // Worked out here from the record, independently of the engine: |ensemble × gate × confidence| of the experts
    // voting the final direction, normalised.
    private static double[] Shares(CommitteeDecisionRecord decision)
    {
        var weights = decision.Experts
            .Select(expert => expert.Signal.Direction == decision.Signal.Direction ? Math.Abs(expert.EnsembleWeight * expert.GateWeight * expert.Signal.Confidence) : 0)
            .ToArray();
        var total = weights.Sum();
        return weights.Select(weight => weight / total).ToArray();
    }

    private static string Write(TemporaryDirectory directory, string experts) =>
        directory.Write("committee.json", "{ \"name\": \"budget-test\", " + experts + """
             "sizer": { "plugin": "fixed-fraction", "settings": { "fraction": 0.5 } },
             "risk": [ { "plugin": "equity-witness" } ]
            }
            """);

    private static (BacktestSession Session, EquityWitnessLayer Witness) Session(TemporaryDirectory directory, string experts)
    {
        var composition = StrategyCompositionLoader.Load(Write(directory, experts));
        var witness = new EquityWitnessLayer();
        var catalog = new PluginCatalog();
        catalog.Register("momentum", () => new MomentumExpert());
        catalog.Register("fixed-fraction", () => new FixedFractionSizer());
        catalog.Register("equity-witness", () => witness);
        var data = ShippedCompositionBacktest.LoadData(RepositoryPaths.BinanceBitcoinMinuteFile);
        return (new BacktestSession(composition, catalog, data.CreateFeed(), ShippedCompositionBacktest.OptionsFor(composition, data)), witness);
    }
}
