using PluginBot.Experts.Onnx;
using PluginBot.Features;
using PluginBot.Onnx.Models;
using PluginBot.Onnx.Tests.Infrastructure;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Signals;

namespace PluginBot.Onnx.Tests;

[Collection(RuntimeCollection.Name)]
public sealed class OnnxExpertTests
{
    private const double Tolerance = 1e-5;

    [Fact]
    public void Evaluate_RealBars_FollowsTheHandComputedModelAndThreshold()
    {
        using var folder = new ModelFolder("mlp.onnx");
        using var expert = Initialized(folder, ", \"threshold\": 0.6");
        var reference = MlpReference.Read("mlp");
        var features = new FeatureSetCatalog().Create(DefaultFeatureSet.Name);
        var vector = new float[features.Count];
        var counts = new Dictionary<SignalDirection, int>();

        foreach (var bar in MarketData.BitcoinMinutes())
        {
            var signal = expert.Evaluate(bar);
            features.Update(bar);
            var expected = features.TryWrite(vector) ? Decide(reference.Probabilities(vector), 0.6, TimeSpan.FromMinutes(15)) : Signal.Hold;

            Assert.Equal(expected.Direction, signal.Direction);
            Assert.Equal(expected.Confidence, signal.Confidence, Tolerance);
            Assert.Equal(expected.Horizon, signal.Horizon);
            counts[signal.Direction] = counts.GetValueOrDefault(signal.Direction) + 1;
        }

        // The day must exercise abstaining and at least one side, or the comparison above proves little.
        Assert.True(counts.GetValueOrDefault(SignalDirection.Hold) > 139);
        Assert.True(counts.GetValueOrDefault(SignalDirection.Long) + counts.GetValueOrDefault(SignalDirection.Short) > 0);
    }

    [Fact]
    public void Evaluate_WhileFeaturesWarmUp_Abstains()
    {
        using var folder = new ModelFolder("mlp.onnx");
        using var expert = Initialized(folder, ", \"threshold\": 0.5");
        var bars = MarketData.BitcoinMinutes();

        var early = bars.Take(139).Select(bar => expert.Evaluate(bar)).ToArray();

        Assert.All(early, signal => Assert.Equal(Signal.Hold, signal));
        Assert.NotEqual(SignalDirection.Hold, expert.Evaluate(bars[139]).Direction);
    }

    [Fact]
    public void Evaluate_HorizonBarsSetting_OverridesTheLabelsHorizon()
    {
        using var folder = new ModelFolder("mlp.onnx");
        using var expert = Initialized(folder, ", \"threshold\": 0.5, \"horizonBars\": 4");

        var signal = MarketData.BitcoinMinutes().Take(140).Select(bar => expert.Evaluate(bar)).ToArray()[^1];

        Assert.Equal(TimeSpan.FromMinutes(4), signal.Horizon);
        Assert.Equal(4, expert.HorizonBars);
    }

    [Fact]
    public void Evaluate_LstmModel_RunsOnTheLastEightReadyVectorsOldestFirst()
    {
        using var folder = new ModelFolder("lstm.onnx", kind: "direction-lstm", modelType: "lstm", sequenceLength: 8);
        using var expert = Initialized(folder, ", \"threshold\": 0.5");
        using var runtime = OnnxRuntime.Load();
        using var session = runtime.CreateSession(TestFiles.Path("lstm.onnx"));
        var features = new FeatureSetCatalog().Create(DefaultFeatureSet.Name);
        var ready = new List<float[]>();
        var bars = MarketData.BitcoinMinutes();

        for (var index = 0; index < 400; index++)
        {
            var signal = expert.Evaluate(bars[index]);
            features.Update(bars[index]);
            var vector = new float[features.Count];
            if (features.TryWrite(vector))
            {
                ready.Add(vector);
            }

            if (ready.Count < 8)
            {
                Assert.Equal(Signal.Hold, signal);
                continue;
            }

            var window = ready.Skip(ready.Count - 8).SelectMany(v => v).ToArray();
            var probabilities = session.Run(window, 1);
            var expected = Decide([probabilities[0], probabilities[1]], 0.5, TimeSpan.FromMinutes(15));
            Assert.Equal(expected.Direction, signal.Direction);
            Assert.Equal(expected.Confidence, signal.Confidence, Tolerance);
        }

        Assert.Equal(400 - 139, ready.Count);
    }

    [Fact]
    public void Evaluate_TwoSymbolsInterleaved_KeepsSeparateFeatureState()
    {
        using var folder = new ModelFolder("mlp.onnx");
        using var alone = Initialized(folder, ", \"threshold\": 0.5");
        using var shared = Initialized(folder, ", \"threshold\": 0.5");
        var bitcoin = MarketData.BitcoinMinutes().Take(300).ToArray();
        var scaled = bitcoin.Select(bar => bar with { Symbol = "OTHER", Close = bar.Close * 2, Open = bar.Open * 2, High = bar.High * 2, Low = bar.Low * 2 }).ToArray();

        for (var index = 0; index < bitcoin.Length; index++)
        {
            var expected = alone.Evaluate(bitcoin[index]);
            var actual = shared.Evaluate(bitcoin[index]);
            shared.Evaluate(scaled[index]);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Evaluate_AfterWarmUp_AllocatesNoManagedMemory()
    {
        using var folder = new ModelFolder("lstm.onnx", kind: "direction-lstm", modelType: "lstm", sequenceLength: 8);
        using var expert = Initialized(folder);
        var bars = MarketData.BitcoinMinutes();
        for (var index = 0; index < 200; index++)
        {
            expert.Evaluate(bars[index]);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var index = 200; index < bars.Length; index++)
        {
            expert.Evaluate(bars[index]);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Initialize_ModelChangedAfterRegistration_NamesBothHashes()
    {
        var wrong = new string('0', 64);
        using var folder = new ModelFolder("mlp.onnx", sha256: wrong);
        var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(folder.FilePath("model.onnx"))));

        var error = Assert.Throws<RegisteredModelException>(() => Initialized(folder));

        Assert.Contains(wrong, error.Message);
        Assert.Contains(actual, error.Message);
        Assert.Equal(folder.FilePath("model.onnx"), error.Path);
    }

    [Fact]
    public void Initialize_SchemaInAnotherOrder_NamesTheFirstDifferentFeature()
    {
        var engine = new FeatureSetCatalog().GetSchema(DefaultFeatureSet.Name);
        var swapped = engine.Features.ToArray();
        (swapped[2], swapped[3]) = (swapped[3], swapped[2]);
        using var folder = new ModelFolder("mlp.onnx", schema: new FeatureSchema(engine.Name, engine.Version, swapped));

        var error = Assert.Throws<RegisteredModelException>(() => Initialized(folder));

        Assert.Contains($"feature 2 is '{engine.Features[3].Name}' (model) vs '{engine.Features[2].Name}' (engine)", error.Message);
        Assert.Equal(folder.FilePath("feature_schema.json"), error.Path);
    }

    [Fact]
    public void Initialize_MetadataHashDiffersFromSchemaFile_IsRefused()
    {
        using var folder = new ModelFolder("mlp.onnx", featureSetHash: new string('a', 64));

        var error = Assert.Throws<RegisteredModelException>(() => Initialized(folder));

        Assert.Contains("featureSetHash", error.Message);
    }

    [Fact]
    public void Initialize_CorruptModel_NamesTheModelFile()
    {
        using var folder = new ModelFolder("corrupt.onnx");

        var error = Assert.Throws<RegisteredModelException>(() => Initialized(folder));

        Assert.Equal(folder.FilePath("model.onnx"), error.Path);
        Assert.Contains(folder.FilePath("model.onnx"), error.Message);
    }

    [Fact]
    public void Initialize_ModelReadingTenFeatures_NamesBothShapes()
    {
        using var folder = new ModelFolder("narrow.onnx");

        var error = Assert.Throws<OnnxShapeException>(() => Initialized(folder));

        Assert.Equal("[batch, 10]", error.Expected);
        Assert.Equal("[batch, 46]", error.Actual);
    }

    [Fact]
    public void Initialize_SequenceLengthDiffersFromModel_NamesBothShapes()
    {
        using var folder = new ModelFolder("lstm.onnx", kind: "direction-lstm", modelType: "lstm", sequenceLength: 16);

        var error = Assert.Throws<OnnxShapeException>(() => Initialized(folder));

        Assert.Equal("[batch, 8, 46]", error.Expected);
        Assert.Equal("[batch, 16, 46]", error.Actual);
    }

    [Fact]
    public void Initialize_ClassesWithoutUpAndDown_IsRefused()
    {
        using var folder = new ModelFolder("mlp.onnx", classes: ["lower", "higher"]);

        var error = Assert.Throws<RegisteredModelException>(() => Initialized(folder));

        Assert.Contains("lack 'up' or 'down'", error.Message);
    }

    [Fact]
    public void Initialize_WithoutModelDirectory_NamesTheSetting()
    {
        using var expert = new OnnxExpert();

        var error = Assert.Throws<PluginSettingsException>(() => expert.Initialize(new PluginTestContext("{}")));

        Assert.Equal("$.experts[0].settings.modelDirectory", error.Path);
    }

    [Fact]
    public void Initialize_UnknownSetting_IsRefused()
    {
        using var folder = new ModelFolder("mlp.onnx");

        var error = Assert.Throws<PluginSettingsException>(() => Initialized(folder, ", \"treshold\": 0.6"));

        Assert.Equal("$.experts[0].settings.treshold", error.Path);
    }

    [Fact]
    public void Initialize_MissingRuntimeLibrary_SaysHowToInstallIt()
    {
        using var folder = new ModelFolder("mlp.onnx");

        var error = Assert.Throws<OnnxRuntimeLoadException>(() => Initialized(folder, ", \"onnxRuntimePath\": \"/nonexistent/libonnxruntime.so.1\""));

        Assert.Contains("/nonexistent/libonnxruntime.so.1", error.Message);
        Assert.Contains("scripts/setup-onnxruntime.sh", error.Message);
    }

    [Fact]
    public void Dispose_Twice_DoesNotThrowAndEvaluateThenThrowsObjectDisposed()
    {
        using var folder = new ModelFolder("mlp.onnx");
        var expert = Initialized(folder);
        expert.Dispose();
        expert.Dispose();

        Assert.Throws<ObjectDisposedException>(() => expert.Evaluate(MarketData.BitcoinMinutes()[0]));
    }

    private static OnnxExpert Initialized(ModelFolder folder, string extraSettings = "")
    {
        var expert = new OnnxExpert();
        try
        {
            expert.Initialize(new PluginTestContext(PluginTestContext.SettingsFor(folder.Path, extraSettings)));
            return expert;
        }
        catch
        {
            expert.Dispose();
            throw;
        }
    }

    private static Signal Decide(double[] probabilities, double threshold, TimeSpan horizon)
    {
        var (down, up) = (probabilities[0], probabilities[1]);
        if (up >= down && up >= threshold)
        {
            return Signal.Long(up, horizon);
        }

        return down > up && down >= threshold ? Signal.Short(down, horizon) : Signal.Hold;
    }
}
