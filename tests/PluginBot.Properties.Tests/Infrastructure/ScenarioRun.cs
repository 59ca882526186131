using System.Text.Json;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Exchange;
using PluginBot.Engine.Execution;
using PluginBot.Engine.Feeds;
using PluginBot.Plugins.ConfidenceSizer;
using PluginBot.Plugins.FixedFractionSizer;
using PluginBot.Plugins.KellySizer;
using PluginBot.Plugins.Risk.DailyLoss;
using PluginBot.Plugins.Risk.Drawdown;
using PluginBot.Plugins.Risk.GrossLeverage;
using PluginBot.Plugins.Risk.KillSwitch;
using PluginBot.Plugins.Risk.PositionLimit;
using PluginBot.Plugins.VolatilityTargetSizer;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Orders;

namespace PluginBot.Properties.Tests.Infrastructure;

/// <summary>A scenario run through a real backtest session, with the account at every decision.</summary>
internal sealed record ScenarioRun(Scenario Scenario, BacktestResult Result, IReadOnlyList<DecisionPoint> Points, IReadOnlyList<Sdk.Market.Bar> Bars)
{
    public const decimal LotSize = 0.00001m;
    public const decimal TickSize = 0.01m;
    public const decimal MinimumNotional = 5m;

    /// <summary>Binance-like spot rules for both generated symbols.</summary>
    public static InstrumentCatalog Instruments { get; } = new([
        new InstrumentRules("BTCUSDT", "USDT", TickSize, LotSize, LotSize, MinimumNotional),
        new InstrumentRules("ETHUSDT", "USDT", TickSize, LotSize, LotSize, MinimumNotional),
    ]);

    /// <summary>
    /// The sent orders with the decision that sent each and the account at that decision. The decision point is
    /// the last one recorded for the symbol at the decision's time (a symbol has one bar per instant).
    /// </summary>
    public IEnumerable<(DecisionRecord Decision, DecisionPoint Point)> SentDecisions()
    {
        var points = Points.ToDictionary(point => (point.Time, point.Symbol));
        return Result.Decisions.Where(decision => decision.Outcome == DecisionOutcome.OrderSent)
            .Select(decision => (decision, points[(decision.Time, decision.Symbol)]));
    }

    /// <summary>Runs <paramref name="scenario"/> in a fresh session: its own plugin instances, clock and exchange.</summary>
    public static ScenarioRun Execute(Scenario scenario)
    {
        var points = new List<DecisionPoint>();
        var catalog = new PluginCatalog();
        catalog.Register("scripted", () => new ScriptedStrategy(scenario.Script, points));
        catalog.Register("fixed-fraction", () => new FixedFractionSizer());
        catalog.Register("confidence-weighted", () => new ConfidenceWeightedSizer());
        catalog.Register("kelly", () => new KellySizer());
        catalog.Register("volatility-target", () => new VolatilityTargetSizer());
        catalog.Register("risk-position-limit", () => new PositionLimitRiskManager());
        catalog.Register("risk-gross-leverage", () => new GrossLeverageRiskManager());
        catalog.Register("risk-daily-loss", () => new DailyLossRiskManager());
        catalog.Register("risk-drawdown", () => new DrawdownRiskManager());
        catalog.Register("risk-kill-switch", () => new KillSwitchRiskManager());

        var composition = new StrategyComposition
        {
            Name = "properties",
            SourcePath = "(generated)",
            Strategy = new PluginReference("scripted", PluginSettings.Empty),
            Sizer = Reference(scenario.Sizer, "$.sizer.settings"),
            RiskLayers = scenario.Layers.Select((layer, index) => Reference(layer, $"$.risk[{index}].settings")).ToList(),
            AllowShort = scenario.AllowShort,
            MaximumLeverage = scenario.AccountLeverage,
        };
        ISlippageModel slippage = scenario.SlippageBasisPoints is { } basisPoints
            ? new FixedBasisPointsSlippage(basisPoints)
            : new VolumeShareSlippage(scenario.VolumeImpactPercent / 100m);
        var options = new BacktestOptions
        {
            InitialCash = scenario.InitialCash,
            Exchange = new SimulatedExchangeOptions
            {
                Fees = new FeeSchedule(scenario.MakerBasisPoints, scenario.TakerBasisPoints),
                Slippage = slippage,
            },
            Instruments = Instruments,
            Interval = scenario.Interval,
            EquitySamplingPeriod = null,
        };
        var bars = scenario.Bars();
        var result = new BacktestSession(composition, catalog, new ArrayBarFeed(bars), options).Run();
        return new ScenarioRun(scenario, result, points, bars);
    }

    /// <summary>True when the order moves the position away from zero: opens, grows or flips it.</summary>
    public static bool IncreasesExposure(decimal before, decimal after) =>
        Math.Abs(after) > Math.Abs(before) || Math.Sign(after) * Math.Sign(before) < 0;

    /// <summary>The signed quantity a fill adds to the position.</summary>
    public static decimal Signed(Fill fill) => fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;

    private static PluginReference Reference(PluginChoice choice, string path) =>
        new(choice.Id, new PluginSettings(JsonDocument.Parse(choice.Settings).RootElement.Clone(), path));
}
