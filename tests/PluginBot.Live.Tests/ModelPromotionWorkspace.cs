using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Experts.Onnx;
using PluginBot.Features;
using PluginBot.Hosting;
using PluginBot.Models.Registry;
using PluginBot.Plugins.FixedFractionSizer;
using PluginBot.Sdk.Instruments;

namespace PluginBot.Live.Tests;

/// <summary>
/// A temporary folder holding a model registry filled from the shipped MLP (copied into TestData), the shipped
/// BTCBUSD minute bars, compositions serving registry versions with onnx-expert, and a way to start an in-process
/// paper host over them.
/// </summary>
internal sealed class ModelPromotionWorkspace : IDisposable
{
    public const string Symbol = "BTCBUSD";
    public const string Kind = "direction-mlp";
    public const string OtherKind = "direction-mlp-other";
    private static readonly string ShippedModel = Path.Combine(AppContext.BaseDirectory, "TestData", "models", Symbol, Kind, "v0001");

    public ModelPromotionWorkspace()
    {
        Directory.CreateDirectory(Root);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "market", "binance_btcbusd_minute_trade_20221213_UTC.csv"), DataFile);
        Registry = new ModelRegistry(Path.Combine(Root, "registry"), new FixedTime(new DateTimeOffset(2022, 12, 14, 0, 0, 0, TimeSpan.Zero)));
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "pluginbot-promotion-" + Guid.NewGuid().ToString("N"));

    public string DataFile => Path.Combine(Root, "binance_btcbusd_minute_trade_20221213_UTC.csv");

    public ModelRegistry Registry { get; }

    /// <summary>Registers the shipped model's file as the next version of <paramref name="kind"/> (stage candidate).</summary>
    public ModelVersionRecord Register(string kind)
    {
        var metadata = ModelMetadataJson.Read(Path.Combine(ShippedModel, ModelFileNames.Metadata));
        return Registry.Register(new ModelRegistration
        {
            Symbol = Symbol,
            Kind = kind,
            ModelPath = Path.Combine(ShippedModel, ModelFileNames.Model),
            FeatureSchema = FeatureSchema.Parse(File.ReadAllText(Path.Combine(ShippedModel, ModelFileNames.FeatureSchema))),
            ModelType = metadata.ModelType,
            SequenceLength = metadata.SequenceLength,
            Classes = metadata.Classes,
            Label = metadata.Label,
            TrainingWindow = metadata.TrainingWindow,
        });
    }

    /// <summary>Candidate → staging → production.</summary>
    public void PromoteToProduction(ModelVersionRecord record)
    {
        Registry.Promote(record.Symbol, record.Kind, record.Version);
        Registry.Promote(record.Symbol, record.Kind, record.Version);
    }

    /// <summary>
    /// A committee composition whose control set serves <paramref name="controlModel"/> with onnx-expert (a path
    /// relative to the composition, threshold 0.6) and, when given, a shadow candidate set serving <paramref name="candidateModel"/>.
    /// </summary>
    public void WriteComposition(string name, string controlModel, string? candidateModel = null)
    {
        var candidate = candidateModel is null
            ? string.Empty
            : $$"""
              "candidate": { "experts": [ { "plugin": "onnx-expert", "settings": { "modelDirectory": "{{candidateModel}}" } } ] },
              "split": { "mode": "shadow" },
            """;
        File.WriteAllText(Path.Combine(Root, name + ".json"), $$"""
            {
              "name": "{{name}}",
              "experts": [ { "plugin": "onnx-expert", "settings": { "modelDirectory": "{{controlModel}}", "threshold": 0.6 } } ],
              {{candidate}}
              "committee": { "routing": "soft", "ensemble": "weighted-voting" },
              "sizer": { "plugin": "fixed-fraction", "settings": { "fraction": 0.5 } }
            }
            """);
    }

    /// <summary>Writes host.json running <paramref name="strategies"/> (composition names) and following the registry.</summary>
    public string WriteHostConfiguration(int watchIntervalMilliseconds, double speed, params string[] strategies)
    {
        var entries = strategies.Select(name => $$"""{ "name": "{{name}}", "composition": "{{name}}.json", "data": ["{{Path.GetFileName(DataFile)}}"], "speed": {{speed}} }""");
        var path = Path.Combine(Root, "host.json");
        File.WriteAllText(path, $$"""
            { "store": "state/store.db", "api": { "port": 0, "token": "promotion-test-token" }, "models": "registry", "watchIntervalMilliseconds": {{watchIntervalMilliseconds}},
              "strategies": [ {{string.Join(", ", entries)}} ] }
            """);
        return path;
    }

    /// <summary>Starts the paper host in this process with onnx-expert and fixed-fraction registered as version 1.0.0.</summary>
    public async Task<(LiveHost Live, PluginHost Host)> StartAsync(HostConfiguration configuration)
    {
        var catalog = new PluginCatalog();
        catalog.Register("onnx-expert", () => new OnnxExpert(), "1.0.0");
        catalog.Register("fixed-fraction", () => new FixedFractionSizer(), "1.0.0");
        var host = new PluginHost(Path.Combine(Root, "shadow"));
        var live = await LiveHost.StartAsync(configuration, host, catalog, [], Instruments, TimeProvider.System);
        return (live, host);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the OS's temporary-folder clean-up.
        }
    }

    private static IInstrumentCatalog Instruments(BacktestDataSet data) =>
        new InstrumentCatalog(data.Series.Select(series => InstrumentRules.Permissive(series.Symbol)));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
