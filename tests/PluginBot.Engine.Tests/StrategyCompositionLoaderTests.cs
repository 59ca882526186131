using PluginBot.Engine.Accounting;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Clock;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Hosting;
using PluginBot.Engine.Tests.Infrastructure;
using PluginBot.Plugins.EmaCross;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Engine.Tests;

/// <summary>
/// Reading composition files: a good file loads with every field, and every mistake is reported with the JSON path
/// (or line) a user needs to find it.
/// </summary>
public sealed class StrategyCompositionLoaderTests : IDisposable
{
    private const string ValidComposition = """
        {
          "name": "cross-test",
          "description": "test composition",
          "strategy": { "plugin": "ema-cross", "settings": { "fastPeriod": 5, "slowPeriod": 20 } },
          "sizer": { "plugin": "fixed-fraction", "settings": { "fraction": 0.5 } },
          "risk": [],
          "execution": { "allowShort": true, "maximumLeverage": 2 },
          "backtest": { "data": ["data/bars.csv"], "cash": 2500, "feeBasisPoints": 7.5, "slippageBasisPoints": 1, "interval": "5m" }
        }
        """;

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Load_ValidFile_ReadsEveryField()
    {
        var path = directory.Write("valid.json", ValidComposition);

        var composition = StrategyCompositionLoader.Load(path);

        Assert.Equal("cross-test", composition.Name);
        Assert.Equal("test composition", composition.Description);
        Assert.Equal(path, composition.SourcePath);
        Assert.Equal("ema-cross", composition.Strategy.PluginId);
        Assert.Equal(5, composition.Strategy.Settings.GetInt32("fastPeriod", 0));
        Assert.Equal("fixed-fraction", composition.Sizer.PluginId);
        Assert.Equal(0.5m, composition.Sizer.Settings.GetDecimal("fraction", 0m));
        Assert.Empty(composition.RiskLayers);
        Assert.True(composition.AllowShort);
        Assert.Equal(2m, composition.MaximumLeverage);
        Assert.Equal(2_500m, composition.Backtest.Cash);
        Assert.Equal(7.5m, composition.Backtest.FeeBasisPoints);
        Assert.Equal(1m, composition.Backtest.SlippageBasisPoints);
        Assert.Equal("5m", composition.Backtest.Interval);

        // Data paths are relative to the composition file, not to the working directory.
        Assert.Equal(Path.Combine(directory.FullPath, "data", "bars.csv"), Assert.Single(composition.Backtest.DataFiles));
    }

    [Fact]
    public void Load_ShippedComposition_PointsAtTheShippedDataFile()
    {
        var composition = StrategyCompositionLoader.Load(RepositoryPaths.ShippedComposition);

        Assert.Equal("ema-cross", composition.Name);
        Assert.False(composition.AllowShort);
        Assert.Equal(Path.GetFullPath(RepositoryPaths.BinanceBitcoinMinuteFile), Assert.Single(composition.Backtest.DataFiles));
        Assert.True(File.Exists(composition.Backtest.DataFiles[0]));
    }

    [Fact]
    public void Load_InvalidJson_ReportsTheLine()
    {
        // Line 3 is missing the comma after the name.
        var path = directory.Write("broken.json", "{\n  \"name\": \"x\"\n  \"strategy\": {}\n}\n");

        var exception = Assert.Throws<CompositionException>(() => StrategyCompositionLoader.Load(path));

        Assert.Equal(path, exception.FilePath);
        Assert.StartsWith("not valid JSON (line 3,", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingStrategy_NamesItsPath()
    {
        var path = directory.Write("missing.json", """{ "name": "x", "sizer": { "plugin": "fixed-fraction" } }""");

        var exception = Assert.Throws<CompositionException>(() => StrategyCompositionLoader.Load(path));

        Assert.Equal("$.strategy", exception.JsonPath);
        Assert.Equal("is required (or \"experts\" for a mixture of experts)", exception.Problem);
        Assert.Contains("$.strategy: is required", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_StrategyAndExperts_SaysToChooseOne()
    {
        var path = directory.Write("both.json", """
            { "name": "x", "strategy": { "plugin": "ema-cross" }, "experts": [ { "plugin": "momentum" } ], "sizer": { "plugin": "fixed-fraction" } }
            """);

        var exception = Assert.Throws<CompositionException>(() => StrategyCompositionLoader.Load(path));

        Assert.Equal("$.experts", exception.JsonPath);
        Assert.Contains("either one \"strategy\" or a committee", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownRegimeName_NamesTheElementAndTheKnownRegimes()
    {
        var path = directory.Write("regime.json", """
            { "name": "x", "experts": [ { "plugin": "momentum", "regimes": ["trending", "sideways"] } ], "sizer": { "plugin": "fixed-fraction" } }
            """);

        var exception = Assert.Throws<CompositionException>(() => StrategyCompositionLoader.Load(path));

        Assert.Equal("$.experts[0].regimes[1]", exception.JsonPath);
        Assert.Equal("unknown regime 'sideways'; expected one of: highVolatility, lowVolatility, trending, ranging", exception.Problem);
    }

    [Fact]
    public void Load_SplitWithoutCandidate_SaysBothAreNeeded()
    {
        var path = directory.Write("split.json", """
            { "name": "x", "experts": [ { "plugin": "momentum" } ], "split": { "mode": "shadow" }, "sizer": { "plugin": "fixed-fraction" } }
            """);

        var exception = Assert.Throws<CompositionException>(() => StrategyCompositionLoader.Load(path));

        Assert.Equal("$.candidate", exception.JsonPath);
    }

    [Fact]
    public void Load_HashSplitFractionAboveOne_NamesTheField()
    {
        var path = directory.Write("fraction.json", """
            { "name": "x", "experts": [ { "plugin": "momentum" } ], "candidate": { "experts": [ { "plugin": "contrarian" } ] },
              "split": { "mode": "hash", "candidateFraction": 1.5 }, "sizer": { "plugin": "fixed-fraction" } }
            """);

        var exception = Assert.Throws<CompositionException>(() => StrategyCompositionLoader.Load(path));

        Assert.Equal("$.split.candidateFraction", exception.JsonPath);
        Assert.Contains("between 0 and 1", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownTopLevelKey_NamesItsPath()
    {
        var path = directory.Write("typo.json", ValidComposition.Replace("\"risk\"", "\"risks\"", StringComparison.Ordinal));

        var exception = Assert.Throws<CompositionException>(() => StrategyCompositionLoader.Load(path));

        Assert.Equal("$.risks", exception.JsonPath);
        Assert.StartsWith("unknown key; expected one of: name, description, strategy", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownNestedKey_NamesItsFullPath()
    {
        var path = directory.Write("typo.json", ValidComposition.Replace("\"slippageBasisPoints\"", "\"slipageBasisPoints\"", StringComparison.Ordinal));

        var exception = Assert.Throws<CompositionException>(() => StrategyCompositionLoader.Load(path));

        Assert.Equal("$.backtest.slipageBasisPoints", exception.JsonPath);
    }

    [Fact]
    public void Load_CashThatIsAString_NamesTheCashPathAndTheExpectedType()
    {
        var path = directory.Write("cash.json", ValidComposition.Replace("\"cash\": 2500", "\"cash\": \"abc\"", StringComparison.Ordinal));

        var exception = Assert.Throws<CompositionException>(() => StrategyCompositionLoader.Load(path));

        Assert.Equal("$.backtest.cash", exception.JsonPath);
        Assert.Equal("expected a number, found String", exception.Problem);
    }

    [Fact]
    public void Create_UnknownPluginId_NamesTheKnownPlugins()
    {
        var path = directory.Write("unknown.json", ValidComposition.Replace("\"plugin\": \"ema-cross\"", "\"plugin\": \"sma-cross\"", StringComparison.Ordinal));
        var composition = StrategyCompositionLoader.Load(path);

        var exception = Assert.Throws<CompositionException>(() =>
            ShippedCompositionBacktest.CreateCatalog().Create<IStrategy>(composition.Strategy, path, "$.strategy"));

        Assert.Equal("$.strategy.plugin", exception.JsonPath);
        Assert.Equal("unknown plugin 'sma-cross'; known plugins: ema-cross, fixed-fraction", exception.Problem);
    }

    [Fact]
    public void Create_PluginOfTheWrongKind_SaysWhatItIsAndWhatWasNeeded()
    {
        var path = directory.Write("kind.json", ValidComposition.Replace("\"plugin\": \"ema-cross\"", "\"plugin\": \"fixed-fraction\"", StringComparison.Ordinal));
        var composition = StrategyCompositionLoader.Load(path);

        var exception = Assert.Throws<CompositionException>(() =>
            ShippedCompositionBacktest.CreateCatalog().Create<IStrategy>(composition.Strategy, path, "$.strategy"));

        Assert.Equal("plugin 'fixed-fraction' is a FixedFractionSizer, not a IStrategy", exception.Problem);
    }

    [Fact]
    public void Initialize_FastPeriodThatIsAString_ThrowsNamingFastPeriod()
    {
        var path = directory.Write("setting.json", ValidComposition.Replace("\"fastPeriod\": 5", "\"fastPeriod\": \"x\"", StringComparison.Ordinal));
        var composition = StrategyCompositionLoader.Load(path);

        var exception = Assert.Throws<PluginSettingsException>(() => new EmaCrossStrategy().Initialize(ContextFor(composition.Strategy)));

        Assert.EndsWith("$.strategy.settings.fastPeriod", exception.Path, StringComparison.Ordinal);
        Assert.Contains("expected an integer, found the string \"x\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Initialize_FastPeriodNotBelowSlowPeriod_IsRejected()
    {
        var path = directory.Write("periods.json", ValidComposition.Replace("\"fastPeriod\": 5", "\"fastPeriod\": 20", StringComparison.Ordinal));
        var composition = StrategyCompositionLoader.Load(path);

        var exception = Assert.Throws<PluginSettingsException>(() => new EmaCrossStrategy().Initialize(ContextFor(composition.Strategy)));

        Assert.EndsWith("$.strategy.settings.fastPeriod", exception.Path, StringComparison.Ordinal);
        Assert.Contains("expected a value below slowPeriod (20), found 20", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_SaysSo()
    {
        var path = Path.Combine(directory.FullPath, "absent.json");

        var exception = Assert.Throws<CompositionException>(() => StrategyCompositionLoader.Load(path));

        Assert.Equal("the file does not exist", exception.Problem);
    }

    private static PluginContext ContextFor(PluginReference reference)
    {
        var clock = new SimulatedClock();
        var instruments = new InstrumentCatalog([InstrumentRules.Permissive("BTCUSDT")]);
        return new PluginContext(clock, new Portfolio(10_000m), instruments, new CollectingLogger(clock, reference.PluginId, []), reference.Settings);
    }
}
