using System.Text.Json;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Feeds;
using PluginBot.Plugins.FixedFractionSizer;

using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Signals;

namespace PluginBot.Samples.Tests;

public sealed class BreakoutStrategySampleTests
{
    [Fact]
    public void Backtest_BreakoutSampleOnRandomWalk_EntersOnlyAfterABreakoutAboveThePreviousHigh()
    {
        var catalog = new PluginCatalog();
        catalog.Register("breakout", () => new BreakoutStrategy.BreakoutStrategy());
        catalog.Register("fixed-fraction", () => new FixedFractionSizer());
        using var settings = JsonDocument.Parse("{\"period\": 10}");
        var composition = new StrategyComposition
        {
            Name = "breakout-sample",
            SourcePath = "(test)",
            Strategy = new PluginReference("breakout", new PluginSettings(settings.RootElement, "strategy.settings")),
            Sizer = new PluginReference("fixed-fraction", PluginSettings.Empty),
        };
        var options = new BacktestOptions
        {
            Instruments = new InstrumentCatalog([InstrumentRules.Permissive("TEST")]),
            Interval = BarInterval.OneMinute,
        };
        var bars = new List<Bar>();
        var feed = new RandomWalkBarFeed("TEST", BarInterval.OneMinute, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), 2_000, seed: 7);
        while (feed.TryRead(out var bar))
        {
            bars.Add(bar);
        }

        var result = BacktestRunner.Run(composition, catalog, new ArrayBarFeed([.. bars]), options);

        Assert.Equal(2_000, result.BarsProcessed);
        var buys = result.Decisions.Where(d => d.Signal.Direction == SignalDirection.Long && d.Outcome == Engine.Execution.DecisionOutcome.OrderSent).ToList();
        Assert.NotEmpty(buys);
        foreach (var buy in buys)
        {
            // The decision bar is the one closing at the decision time; its close must exceed the prior 10 highs.
            var index = bars.FindIndex(b => b.EndTime == buy.Time);
            var previousHigh = bars.Skip(index - 10).Take(10).Max(b => b.High);
            Assert.True(bars[index].Close > previousHigh, $"entry at {buy.Time:O} without a breakout");
        }

        Assert.All(result.Orders, order => Assert.Equal(OrderStatus.Filled, order.Status));
    }

    [Fact]
    public void Initialize_MisspeltSetting_IsRefusedNamingIt()
    {
        using var settings = JsonDocument.Parse("{\"perod\": 10}");
        var context = new Engine.Hosting.PluginContext(
            new Engine.Clock.SimulatedClock(),
            new Engine.Accounting.Portfolio(1_000m),
            new InstrumentCatalog([]),
            new Engine.Hosting.CollectingLogger(new Engine.Clock.SimulatedClock(), "breakout", []),
            new PluginSettings(settings.RootElement, "strategy.settings"));

        var error = Assert.Throws<PluginSettingsException>(() => new BreakoutStrategy.BreakoutStrategy().Initialize(context));

        Assert.Equal("strategy.settings.perod", error.Path);
    }
}
