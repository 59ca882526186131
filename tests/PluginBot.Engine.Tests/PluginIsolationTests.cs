using PluginBot.Engine.Accounting;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Clock;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Execution;
using PluginBot.Engine.Hosting;
using PluginBot.Engine.Tests.Infrastructure;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Tests;

public sealed class PluginIsolationTests
{
    [Fact]
    public void PluginContext_ClockAndPortfolio_CannotBeCastBackToTheEngineObjects()
    {
        var clock = new SimulatedClock();
        var portfolio = new Portfolio(1_000m);
        var context = new PluginContext(clock, portfolio, new InstrumentCatalog([]), new CollectingLogger(clock, "test", []), PluginSettings.Empty);

        Assert.IsNotType<Portfolio>(context.Portfolio);
        Assert.IsNotType<SimulatedClock>(context.Clock);
        Assert.Equal(1_000m, context.Portfolio.Equity);
        clock.AdvanceTo(TestBars.Origin);
        Assert.Equal(TestBars.Origin, context.Clock.UtcNow);
    }

    [Fact]
    public void PositionView_WithContractMultiplier_ReportsUnrealisedProfitInTheQuoteCurrency()
    {
        // 2 contracts of multiplier 10 bought at 100 and marked at 110: 2 × (110 − 100) × 10 = 200.
        var view = new Sdk.Portfolio.PositionView("X", 2m, 100m, 110m, 0m, 10m);

        Assert.Equal(200m, view.UnrealizedProfitLoss);
        Assert.Equal(2_200m, view.MarketValue);
    }

    [Fact]
    public void Run_SizerThatThrows_RecordsNoSizeAndKeepsRunning()
    {
        var result = RunWithBrokenPlugin(new ThrowingSizer(), riskLayer: null);

        Assert.Equal(1_440, result.BarsProcessed);
        Assert.Empty(result.Orders);
        Assert.Contains(result.Decisions, d => d.Outcome == DecisionOutcome.NotSized && d.Reason!.Contains("the sizer threw InvalidOperationException", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_RiskLayerThatThrows_VetoesEveryEntry()
    {
        var result = RunWithBrokenPlugin(sizer: null, riskLayer: new ThrowingRiskLayer());

        Assert.Equal(1_440, result.BarsProcessed);
        Assert.Empty(result.Orders);
        Assert.Contains(result.Decisions, d => d.Outcome == DecisionOutcome.Vetoed && d.Reason!.StartsWith("broken-risk: the layer threw", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_RiskLayerThatFaultsWhileAPositionIsOpen_StillLetsThePositionCloseButBlocksNewEntries()
    {
        // The layer approves the first entry, then throws: from then on it is faulted. The exit that follows reduces
        // risk and goes through; every later entry is blocked.
        var result = RunWithBrokenPlugin(sizer: null, riskLayer: new ThrowingRiskLayer { ApprovalsBeforeThrowing = 1 });

        Assert.Equal(2, result.Orders.Count);
        Assert.Equal(Sdk.Orders.OrderSide.Buy, result.Orders[0].Request.Side);
        Assert.Equal(Sdk.Orders.OrderSide.Sell, result.Orders[1].Request.Side);
        Assert.Contains(result.Decisions, d => d.Outcome == DecisionOutcome.Vetoed && d.Reason!.Contains("is faulted and blocks new entries", StringComparison.Ordinal));
        Assert.Empty(result.OpenPositions);
    }

    [Fact]
    public void Load_TwoFilesOfOneSymbolOverlappingInTime_IsRefusedNamingBothFiles()
    {
        var file = RepositoryPaths.BinanceBitcoinMinuteFile;

        var error = Assert.Throws<ArgumentException>(() => BacktestDataSet.Load(new BacktestDataRequest([file, file])));

        Assert.Contains("BTCBUSD", error.Message);
        Assert.Contains("must not overlap", error.Message);
        Assert.Contains(Path.GetFileName(file), error.Message);
    }

    private static BacktestResult RunWithBrokenPlugin(IPositionSizer? sizer, IRiskManager? riskLayer)
    {
        var catalog = ShippedCompositionBacktest.CreateCatalog();
        var composition = ShippedCompositionBacktest.LoadComposition();
        if (sizer is not null)
        {
            catalog.Register("broken-sizer", () => sizer);
            composition = composition with { Sizer = new PluginReference("broken-sizer", PluginSettings.Empty) };
        }

        if (riskLayer is not null)
        {
            catalog.Register("broken-risk", () => riskLayer);
            composition = composition with { RiskLayers = [new PluginReference("broken-risk", PluginSettings.Empty)] };
        }

        return ShippedCompositionBacktest.Run(ShippedCompositionBacktest.LoadData(RepositoryPaths.BinanceBitcoinMinuteFile), composition, catalog);
    }

    private sealed class ThrowingSizer : IPositionSizer
    {
        public void Initialize(IPluginContext context)
        {
        }

        public SizingResult Size(in SizingRequest request) => throw new InvalidOperationException("sizer bug");
    }

    private sealed class ThrowingRiskLayer : IRiskManager
    {
        private int calls;

        public int ApprovalsBeforeThrowing { get; init; }

        public string Name => "broken-risk";

        public void Initialize(IPluginContext context)
        {
        }

        public RiskAssessment Assess(in OrderIntent intent) =>
            ++calls <= ApprovalsBeforeThrowing ? RiskAssessment.Approve() : throw new InvalidOperationException("risk bug");
    }
}
