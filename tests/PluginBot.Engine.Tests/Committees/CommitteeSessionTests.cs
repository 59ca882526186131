using PluginBot.Engine.Backtest;
using PluginBot.Engine.Committees;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Tests.Infrastructure;
using PluginBot.Plugins.FixedFractionSizer;
using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Tests.Committees;

public sealed class CommitteeSessionTests
{
    private const string Experts = """
        "regime": { "plugin": "fixed-regime" },
        "experts": [
          { "plugin": "momentum", "regimes": ["trending"] },
          { "plugin": "contrarian", "regimes": ["ranging"] }
        ],
        """;

    [Fact]
    public void Run_HardRouting_TradesTheMostLikelyRegimesExpertAndRecordsEveryBar()
    {
        using var directory = new TemporaryDirectory();
        var result = Run(directory, Experts + """ "committee": { "routing": "hard" }, """);

        var data = ShippedCompositionBacktest.LoadData(RepositoryPaths.BinanceBitcoinMinuteFile);
        Assert.Equal(data.BarCount, result.CommitteeTrail.Count);
        foreach (var record in result.CommitteeTrail)
        {
            var decision = record.Decision;
            Assert.Equal(0.7, decision.Regime!.Value.Trending, 12);
            Assert.Equal(["momentum", "contrarian"], decision.Experts.Select(expert => expert.Name));
            Assert.Equal(1.0, decision.Experts[0].GateWeight, 12);
            Assert.Equal(0.0, decision.Experts[1].GateWeight, 12);
            // Only the trending expert is heard: the committee says what momentum says, at momentum's confidence.
            Assert.Equal(decision.Experts[0].Signal.Direction, decision.Signal.Direction);
            if (decision.Signal.Direction != SignalDirection.Hold)
            {
                Assert.Equal(0.8, decision.Signal.Confidence, 12);
            }
        }

        Assert.Contains(result.Decisions, decision => decision.Signal.Direction == SignalDirection.Long);
    }

    [Fact]
    public void Run_SoftRouting_WeighsExpertsByRegimeProbabilityAndDisagreementLowersConfidence()
    {
        using var directory = new TemporaryDirectory();
        var result = Run(directory, Experts + """ "committee": { "routing": "soft" }, """);

        var voting = result.CommitteeTrail.Where(record => record.Decision.Experts[0].Signal.Direction != SignalDirection.Hold).ToList();
        Assert.NotEmpty(voting);
        foreach (var record in voting)
        {
            var decision = record.Decision;
            Assert.Equal(0.7, decision.Experts[0].GateWeight, 12);
            Assert.Equal(0.3, decision.Experts[1].GateWeight, 12);
            // Score 0.7×0.8 − 0.3×0.6 = 0.38 over voter weight 1; disagreement 1 − |0.7 − 0.3| = 0.6; 0.38 × (1 − 0.6) = 0.152.
            Assert.Equal(decision.Experts[0].Signal.Direction, decision.Signal.Direction);
            Assert.Equal(0.6, decision.Disagreement, 12);
            Assert.Equal(0.152, decision.Signal.Confidence, 12);
        }
    }

    [Fact]
    public void Run_ExpertThatStartsThrowing_IsFaultedAndAbstainsWhileTheRunContinues()
    {
        using var directory = new TemporaryDirectory();
        var result = Run(directory, """
            "experts": [ { "plugin": "failing" }, { "plugin": "contrarian" } ],
            """);

        var data = ShippedCompositionBacktest.LoadData(RepositoryPaths.BinanceBitcoinMinuteFile);
        Assert.Equal(data.BarCount, result.BarsProcessed);
        Assert.Equal(data.BarCount, result.CommitteeTrail.Count);
        Assert.All(result.CommitteeTrail.Skip(100), record => Assert.Equal(SignalDirection.Hold, record.Decision.Experts[0].Signal.Direction));
        Assert.Contains(result.CommitteeTrail.Skip(100), record => record.Decision.Signal.Direction != SignalDirection.Hold);
    }

    [Fact]
    public void Run_ShadowExperiment_CandidateDecidesOnEveryBarButNeverTrades()
    {
        using var directory = new TemporaryDirectory();
        var session = Session(directory, """
            "experts": [ { "plugin": "momentum" } ],
            "candidate": { "experts": [ { "plugin": "contrarian" } ] },
            "split": { "mode": "shadow" },
            """);
        var result = session.Run();

        var experiment = session.Experiment!;
        Assert.Equal(0, experiment.CandidateTraded);
        Assert.Equal(result.BarsProcessed, experiment.ControlTraded);
        Assert.True(experiment.Comparison.Candidate.Count > 100);
        Assert.True(experiment.Comparison.Control.Count > 100);
        // On the same bars, the contrarian's decision returns are the momentum's with the sign flipped.
        Assert.Equal(experiment.Comparison.Control.MeanReturn, -experiment.Comparison.Candidate.MeanReturn, 12);
    }

    [Fact]
    public void Run_HashSplit_EachDecisionIsTradedByExactlyOneSet()
    {
        using var directory = new TemporaryDirectory();
        var session = Session(directory, """
            "experts": [ { "plugin": "momentum" } ],
            "candidate": { "experts": [ { "plugin": "contrarian" } ] },
            "split": { "mode": "hash", "candidateFraction": 0.3 },
            """);
        var result = session.Run();

        var experiment = session.Experiment!;
        Assert.Equal(result.BarsProcessed, experiment.CandidateTraded + experiment.ControlTraded);
        var share = (double)experiment.CandidateTraded / result.BarsProcessed;
        Assert.InRange(share, 0.25, 0.35);
    }

    [Fact]
    public void Write_CommitteeRun_WritesCommitteeCsvWithOneLinePerDecision()
    {
        using var directory = new TemporaryDirectory();
        var result = Run(directory, Experts);
        var written = BacktestResultWriter.Write(result, Path.Combine(directory.FullPath, "out"));

        var committee = Assert.Single(written, path => path.EndsWith("committee.csv", StringComparison.Ordinal));
        var lines = File.ReadAllLines(committee);
        Assert.Equal(result.CommitteeTrail.Count + 1, lines.Length);
        Assert.StartsWith("time,symbol,p_high_volatility,p_low_volatility,p_trending,p_ranging,momentum.direction,momentum.confidence,momentum.gate_weight,momentum.ensemble_weight", lines[0]);
    }

    [Fact]
    public void RequestSwap_ExpertMidRun_DecisionRecordsNameTheCommitteesNewVersion()
    {
        using var directory = new TemporaryDirectory();
        BacktestSession? session = null;
        SwapRecordHolder swapped = new();
        var composition = StrategyCompositionLoader.Load(directory.Write("swap.json", """
            { "name": "swap", "experts": [ { "plugin": "momentum" }, { "plugin": "contrarian" } ], "sizer": { "plugin": "fixed-fraction", "settings": { "fraction": 0.5 } } }
            """));
        var data = ShippedCompositionBacktest.LoadData(RepositoryPaths.BinanceBitcoinMinuteFile);
        var feed = new SwapAtBarFeed(data.CreateFeed(), 700, () => session!.RequestSwap("momentum", () => new MomentumExpert(), "2.0.0", record => swapped.Record = record));
        session = new BacktestSession(composition, Catalog(), feed, ShippedCompositionBacktest.OptionsFor(composition, data));

        var result = session.Run();

        Assert.True(swapped.Record!.Succeeded);
        Assert.Contains(result.Decisions, d => d.Time <= swapped.Record.Time && d.StrategyVersion == "momentum@built-in,contrarian@built-in");
        Assert.Contains(result.Decisions, d => d.Time > swapped.Record.Time);
        Assert.All(result.Decisions.Where(d => d.Time > swapped.Record.Time && d.StrategyVersion is not null),
            d => Assert.Equal("momentum@2.0.0,contrarian@built-in", d.StrategyVersion));
    }

    private static BacktestResult Run(TemporaryDirectory directory, string committee) => Session(directory, committee).Run();

    private static PluginCatalog Catalog()
    {
        var catalog = new PluginCatalog();
        catalog.Register("momentum", () => new MomentumExpert());
        catalog.Register("contrarian", () => new ContrarianExpert());
        catalog.Register("failing", () => new FailingExpert(failAfter: 100));
        catalog.Register("fixed-regime", () => new FixedRegimeDetector());
        catalog.Register("fixed-fraction", () => new FixedFractionSizer());
        return catalog;
    }

    private sealed class SwapRecordHolder
    {
        public PluginBot.Engine.Hosting.SwapRecord? Record { get; set; }
    }

    private sealed class SwapAtBarFeed(PluginBot.Engine.Feeds.IBarFeed inner, int atBar, Action request) : PluginBot.Engine.Feeds.IBarFeed
    {
        private int handedOut;

        public long? RemainingCount => inner.RemainingCount;

        public bool TryRead(out PluginBot.Sdk.Market.Bar bar)
        {
            if (handedOut++ == atBar)
            {
                request();
            }

            return inner.TryRead(out bar);
        }
    }

    private static BacktestSession Session(TemporaryDirectory directory, string committee)
    {
        var path = directory.Write("committee.json", "{ \"name\": \"committee-test\", " + committee + """
             "sizer": { "plugin": "fixed-fraction", "settings": { "fraction": 0.5 } }
            }
            """);
        var composition = StrategyCompositionLoader.Load(path);
        var catalog = new PluginCatalog();
        catalog.Register("momentum", () => new MomentumExpert());
        catalog.Register("contrarian", () => new ContrarianExpert());
        catalog.Register("failing", () => new FailingExpert(failAfter: 100));
        catalog.Register("fixed-regime", () => new FixedRegimeDetector());
        catalog.Register("fixed-fraction", () => new FixedFractionSizer());
        var data = ShippedCompositionBacktest.LoadData(RepositoryPaths.BinanceBitcoinMinuteFile);
        return new BacktestSession(composition, catalog, data.CreateFeed(), ShippedCompositionBacktest.OptionsFor(composition, data));
    }
}
