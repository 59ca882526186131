using PluginBot.Onnx.Tests.Infrastructure;
using System.Globalization;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Exchange;
using PluginBot.Plugins.RegimeOnnx.Tests.Infrastructure;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Regimes;

namespace PluginBot.Plugins.RegimeOnnx.Tests;

[Collection(TrainedRegimeModelCollection.Name)]
public sealed class RegimeOnnxCommitteeTests(TrainedRegimeModel trained) : IDisposable
{
    private const string RegimeSettingsPath = "$.regime.settings";

    // Soft routing: each expert's gate weight is the probability of its regime, so the detector visibly steers votes.
    private const string Composition = """
        {
          "name": "regime-onnx-committee",
          "regime": { "plugin": "regime-onnx", "settings": { "modelDirectory": "models/BTCUSDT/regime-mlp/v0001" } },
          "experts": [
            { "plugin": "momentum", "regimes": ["trending", "highVolatility"] },
            { "plugin": "contrarian", "regimes": ["ranging", "lowVolatility"] }
          ],
          "committee": { "routing": "soft" },
          "sizer": { "plugin": "fixed-fraction", "settings": { "fraction": 0.5 } }
        }
        """;

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Run_RegimeOnnxAsTheCommitteesDetector_RecordsTheModelsProbabilitiesOnEveryBar()
    {
        var result = Session().Run();

        var bars = ShippedData.MinuteBars();
        Assert.Equal(bars.Length, result.CommitteeTrail.Count);

        // The same model served on its own, bar by bar: the trail holds exactly its estimates.
        using var standalone = new OnnxRegimeDetector();
        standalone.Initialize(new PluginTestContext(PluginTestContext.SettingsFor(ModelFolder), RegimeSettingsPath));
        var notUniform = 0;
        for (var index = 0; index < bars.Length; index++)
        {
            var expected = standalone.Update(bars[index]);
            var record = result.CommitteeTrail[index];
            var regime = record.Decision.Regime!.Value;
            Assert.Equal(bars[index].EndTime, record.Time);
            Assert.Equal(expected, regime);
            Assert.Equal(1.0, regime.HighVolatility + regime.LowVolatility + regime.Trending + regime.Ranging, 12);
            if (index < 139)
            {
                Assert.Equal(OnnxRegimeDetector.Uniform, regime);
            }
            else if (regime != OnnxRegimeDetector.Uniform)
            {
                notUniform++;
            }

            // Soft gate: momentum serves trending and high volatility, contrarian ranging and low volatility.
            var experts = record.Decision.Experts;
            Assert.Equal(regime.Trending + regime.HighVolatility, experts[0].GateWeight, 9);
            Assert.Equal(regime.Ranging + regime.LowVolatility, experts[1].GateWeight, 9);
        }

        Assert.Equal(bars.Length - 139, notUniform);
        Assert.True(
            result.CommitteeTrail.Skip(139).Select(record => record.Decision.Regime!.Value.MostLikely).Distinct().Count() >= 2,
            "the learned detector should not favour one regime all day");
    }

    [Fact]
    public void Write_RegimeOnnxCommittee_CommitteeCsvHoldsTheDetectorsProbabilities()
    {
        var result = Session().Run();

        var written = BacktestResultWriter.Write(result, directory.Combine("out"));

        var committee = Assert.Single(written, path => path.EndsWith("committee.csv", StringComparison.Ordinal));
        var lines = File.ReadAllLines(committee);
        Assert.StartsWith("time,symbol,p_high_volatility,p_low_volatility,p_trending,p_ranging,momentum.direction", lines[0], StringComparison.Ordinal);
        Assert.Equal(result.CommitteeTrail.Count + 1, lines.Length);
        for (var index = 0; index < result.CommitteeTrail.Count; index++)
        {
            var cells = lines[index + 1].Split(',');
            var probabilities = cells[2..6].Select(cell => double.Parse(cell, CultureInfo.InvariantCulture)).ToArray();
            var regime = result.CommitteeTrail[index].Decision.Regime!.Value;
            Assert.Equal([regime.HighVolatility, regime.LowVolatility, regime.Trending, regime.Ranging], probabilities, (expected, actual) => Math.Abs(expected - actual) <= 5e-7);
            Assert.Equal(1.0, probabilities.Sum(), 5);
            if (index >= 139)
            {
                Assert.NotEqual([0.25, 0.25, 0.25, 0.25], probabilities);
            }
        }
    }

    private string ModelFolder => directory.Combine("models", "BTCUSDT", "regime-mlp", "v0001");

    private BacktestSession Session()
    {
        // The composition names the model by a path relative to its own folder, as a shipped composition would.
        if (!Directory.Exists(ModelFolder))
        {
            trained.CopyTo(ModelFolder);
        }

        var path = directory.Combine("committee.json");
        File.WriteAllText(path, Composition);
        var composition = StrategyCompositionLoader.Load(path);
        var catalog = new PluginCatalog();
        catalog.Register("regime-onnx", () => new OnnxRegimeDetector());
        catalog.Register("momentum", () => new MomentumExpert());
        catalog.Register("contrarian", () => new ContrarianExpert());
        catalog.Register("fixed-fraction", () => new PluginBot.Plugins.FixedFractionSizer.FixedFractionSizer());
        var data = BacktestDataSet.Load(new BacktestDataRequest([ShippedData.MinuteBarsPath]));
        var options = new BacktestOptions
        {
            InitialCash = 10_000m,
            Exchange = new SimulatedExchangeOptions { Fees = new FeeSchedule(10m, 10m) },
            Instruments = new InstrumentCatalog(data.Series.Select(series => InstrumentRules.Permissive(series.Symbol)).Distinct().ToList()),
            Interval = data.Interval,
        };
        return new BacktestSession(composition, catalog, data.CreateFeed(), options);
    }
}
