using PluginBot.Data;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Exchange;
using PluginBot.Plugins.EmaCross;
using PluginBot.Plugins.FixedFractionSizer;
using PluginBot.Sdk.Instruments;

namespace PluginBot.Engine.Tests.Infrastructure;

/// <summary>
/// Runs the shipped EMA-cross composition the way the CLI does: the composition's cash, fee and slippage, Binance
/// spot rules from the shipped symbol properties for Binance files and permissive rules for other venues.
/// </summary>
internal static class ShippedCompositionBacktest
{
    private static readonly Lazy<SymbolPropertiesCatalog> BinanceRules = new(() => SymbolPropertiesCatalog.Load(RepositoryPaths.BinanceSymbolProperties));

    /// <summary>The built-in plugins under their composition ids.</summary>
    public static PluginCatalog CreateCatalog()
    {
        var catalog = new PluginCatalog();
        catalog.Register("ema-cross", () => new EmaCrossStrategy());
        catalog.Register("fixed-fraction", () => new FixedFractionSizer());
        return catalog;
    }

    public static StrategyComposition LoadComposition() => StrategyCompositionLoader.Load(RepositoryPaths.ShippedComposition);

    public static BacktestDataSet LoadData(params string[] files) => BacktestDataSet.Load(new BacktestDataRequest(files));

    public static BacktestOptions OptionsFor(StrategyComposition composition, BacktestDataSet data)
    {
        var fee = composition.Backtest.FeeBasisPoints ?? 10m;
        return new BacktestOptions
        {
            InitialCash = composition.Backtest.Cash ?? 10_000m,
            Exchange = new SimulatedExchangeOptions
            {
                Fees = new FeeSchedule(fee, fee),
                Slippage = new FixedBasisPointsSlippage(composition.Backtest.SlippageBasisPoints ?? 0m),
            },
            Instruments = InstrumentsFor(data),
            Interval = data.Interval,
        };
    }

    /// <summary>Runs <paramref name="composition"/> (the shipped EMA cross when null) over <paramref name="data"/>.</summary>
    public static BacktestResult Run(BacktestDataSet data, StrategyComposition? composition = null, PluginCatalog? catalog = null)
    {
        var shipped = LoadComposition();
        var options = OptionsFor(shipped, data);
        return BacktestRunner.Run(composition ?? shipped, catalog ?? CreateCatalog(), data.CreateFeed(), options);
    }

    private static InstrumentCatalog InstrumentsFor(BacktestDataSet data)
    {
        var rules = new List<InstrumentRules>();
        foreach (var (symbol, market) in data.Series.Select(series => (series.Symbol, series.Market)).Distinct())
        {
            rules.Add(market == "binance" && BinanceRules.Value.TryGet(symbol, out var found) ? found : InstrumentRules.Permissive(symbol));
        }

        return new InstrumentCatalog(rules);
    }
}
