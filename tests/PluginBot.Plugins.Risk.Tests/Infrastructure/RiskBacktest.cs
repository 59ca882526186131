using System.Text.Json;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Exchange;
using PluginBot.Engine.Feeds;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.Risk.Tests.Infrastructure;

/// <summary>
/// Runs a real backtest session: the alternating strategy, a sizer that ignores every limit, the given risk layers
/// (registered under their plugin ids, settings as written in a composition), 10 bp fees and 10,000 cash.
/// </summary>
internal static class RiskBacktest
{
    public const string Symbol = "BTCUSDT";
    public const string OtherSymbol = "ETHUSDT";
    public const decimal LotSize = 0.001m;
    public static readonly DateTime Origin = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static InstrumentCatalog Instruments { get; } = new([
        new InstrumentRules(Symbol, "USDT", 0.01m, LotSize, LotSize, 5m),
        new InstrumentRules(OtherSymbol, "USDT", 0.01m, LotSize, LotSize, 5m),
    ]);

    /// <summary>Minute bars of a seeded random walk starting near <paramref name="startPrice"/>.</summary>
    public static RandomWalkBarFeed Feed(string symbol, int bars, int seed, int startPrice = 20_000) =>
        new(symbol, BarInterval.OneMinute, Origin, bars, seed, startPrice);

    public static BacktestResult Run(IBarFeed feed, decimal sizerFraction, params (string Id, IRiskManager Layer, string Settings)[] layers) =>
        Run(feed, sizerFraction, [], layers);

    public static BacktestResult Run(IBarFeed feed, decimal sizerFraction, string[] holdSymbols, params (string Id, IRiskManager Layer, string Settings)[] layers)
    {
        var catalog = new PluginCatalog();
        catalog.Register("alternating", () => new AlternatingStrategy(Origin, holdSymbols));
        catalog.Register("equity-fraction", () => new EquityFractionSizer(sizerFraction));
        var references = new List<PluginReference>();
        for (var index = 0; index < layers.Length; index++)
        {
            var layer = layers[index].Layer;
            catalog.Register(layers[index].Id, () => layer, "1.0.0");
            using var document = JsonDocument.Parse(layers[index].Settings);
            references.Add(new PluginReference(layers[index].Id, new PluginSettings(document.RootElement, $"$.risk[{index}].settings")));
        }

        var composition = new StrategyComposition
        {
            Name = "risk",
            SourcePath = "(test)",
            Strategy = new PluginReference("alternating", PluginSettings.Empty),
            Sizer = new PluginReference("equity-fraction", PluginSettings.Empty),
            RiskLayers = references,
        };
        var options = new BacktestOptions
        {
            InitialCash = 10_000m,
            Exchange = new SimulatedExchangeOptions { Fees = FeeSchedule.BinanceSpotDefault },
            Instruments = Instruments,
            Interval = BarInterval.OneMinute,
        };
        return new BacktestSession(composition, catalog, feed, options).Run();
    }
}
