using PluginBot.Onnx.Tests.Infrastructure;
using System.Text.Json.Nodes;
using PluginBot.Onnx;
using PluginBot.Onnx.Models;
using PluginBot.Plugins.RegimeOnnx.Tests.Infrastructure;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Regimes;

namespace PluginBot.Plugins.RegimeOnnx.Tests;

[Collection(TrainedRegimeModelCollection.Name)]
public sealed class OnnxRegimeDetectorTests(TrainedRegimeModel trained) : IDisposable
{
    private const string RegimeSettingsPath = "$.regime.settings";

    private readonly TemporaryDirectory directory = new();
    private int copies;

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Update_ShippedDay_IsUniformUntilFeaturesAreReadyThenTheModelsProbabilities()
    {
        using var detector = Initialized(trained.VersionDirectory);
        using var runtime = OnnxRuntime.Load();
        using var reference = RegisteredModel.Open(runtime, trained.VersionDirectory);
        var features = reference.CreateFeatureSet();
        var vector = new float[features.Count];
        var bars = ShippedData.MinuteBars();
        var warmUp = 0;
        var distinct = new HashSet<MarketRegime>();

        foreach (var bar in bars)
        {
            var estimate = detector.Update(bar);
            features.Update(bar);
            Assert.Equal(1.0, estimate.HighVolatility + estimate.LowVolatility + estimate.Trending + estimate.Ranging, 12);
            if (!features.TryWrite(vector))
            {
                Assert.Equal(OnnxRegimeDetector.Uniform, estimate);
                warmUp++;
                continue;
            }

            // The model's columns are in the label's class order: highVolatility, lowVolatility, trending, ranging. The
            // estimate renormalises the float softmax in double, so it may differ from the raw output by float rounding.
            var probabilities = reference.Session.Run(vector, 1);
            Assert.Equal(probabilities[0], estimate.HighVolatility, 1e-6);
            Assert.Equal(probabilities[1], estimate.LowVolatility, 1e-6);
            Assert.Equal(probabilities[2], estimate.Trending, 1e-6);
            Assert.Equal(probabilities[3], estimate.Ranging, 1e-6);
            Assert.NotEqual(OnnxRegimeDetector.Uniform, estimate);
            distinct.Add(estimate.MostLikely);
        }

        // The default feature set needs 139 bars; after that every bar is the model's own answer, and it is not constant.
        Assert.Equal(139, warmUp);
        Assert.True(distinct.Count >= 2, $"the model only ever favoured {string.Join(", ", distinct)}");
    }

    [Fact]
    public void Update_AfterWarmUp_AllocatesNoManagedMemory()
    {
        using var detector = Initialized(trained.VersionDirectory);
        var bars = ShippedData.MinuteBars();
        for (var index = 0; index < 200; index++)
        {
            detector.Update(bars[index]);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var index = 200; index < bars.Length; index++)
        {
            detector.Update(bars[index]);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Update_TwoSymbolsInterleaved_KeepsSeparateFeatureState()
    {
        using var alone = Initialized(trained.VersionDirectory);
        using var shared = Initialized(trained.VersionDirectory);
        var bitcoin = ShippedData.MinuteBars().Take(400).ToArray();
        var other = bitcoin.Select(bar => bar with { Symbol = "OTHER", Open = bar.Open * 3, High = bar.High * 3, Low = bar.Low * 3, Close = bar.Close * 3, Volume = 1 }).ToArray();

        for (var index = 0; index < bitcoin.Length; index++)
        {
            var expected = alone.Update(bitcoin[index]);
            var actual = shared.Update(bitcoin[index]);
            shared.Update(other[index]);
            Assert.Equal(expected, actual);
        }

        Assert.Equal(2, shared.SymbolCount);
    }

    [Fact]
    public void Initialize_ClassesInAnotherOrder_MapsColumnsByName()
    {
        // Same model file, metadata naming its columns in reverse: column 0 is now "ranging", column 3 "highVolatility".
        var reversed = WithMetadata(metadata => metadata["classes"] = new JsonArray("ranging", "trending", "lowVolatility", "highVolatility"));
        using var original = Initialized(trained.VersionDirectory);
        using var detector = Initialized(reversed);
        var bars = ShippedData.MinuteBars();

        Assert.Equal(3, detector.Columns!.ColumnOf(MarketRegime.HighVolatility));
        Assert.Equal(0, detector.Columns.ColumnOf(MarketRegime.Ranging));
        for (var index = 0; index < 300; index++)
        {
            var expected = original.Update(bars[index]);
            var actual = detector.Update(bars[index]);
            Assert.Equal(expected.HighVolatility, actual.Ranging, 12);
            Assert.Equal(expected.LowVolatility, actual.Trending, 12);
            Assert.Equal(expected.Trending, actual.LowVolatility, 12);
            Assert.Equal(expected.Ranging, actual.HighVolatility, 12);
        }
    }

    [Fact]
    public void Initialize_ClassesThatAreNotTheFourRegimes_IsRefusedNamingWhatIsWrong()
    {
        var folder = WithMetadata(metadata => metadata["classes"] = new JsonArray("highVolatility", "lowVolatility", "trending", "volatile"));

        var error = Assert.Throws<RegisteredModelException>(() => Initialized(folder));

        Assert.Equal(Path.Combine(folder, "metadata.json"), error.Path);
        Assert.Contains("classes [highVolatility, lowVolatility, trending, volatile] are not exactly the four regimes highVolatility, lowVolatility, trending, ranging in some order (missing ranging; unexpected volatile)", error.Message, StringComparison.Ordinal);
        Assert.Contains("--label regime:N", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Initialize_RepeatedClass_IsRefused()
    {
        var folder = WithMetadata(metadata => metadata["classes"] = new JsonArray("highVolatility", "lowVolatility", "trending", "trending"));

        var error = Assert.Throws<RegisteredModelException>(() => Initialized(folder));

        Assert.Contains("missing ranging; repeated trending", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Initialize_DirectionModelClasses_IsRefusedBeforeServing()
    {
        // A direction model's two columns: the output shape check catches it before the class names are read.
        var folder = WithMetadata(metadata => metadata["classes"] = new JsonArray("down", "up"));

        var error = Assert.Throws<OnnxShapeException>(() => Initialized(folder));

        Assert.Equal("[batch, 2]", error.Expected);
        Assert.Equal("[batch, 4]", error.Actual);
    }

    [Fact]
    public void Initialize_ModelChangedAfterRegistration_IsRefusedNamingBothHashes()
    {
        var folder = trained.CopyTo(directory.Combine("tampered"));
        var modelPath = Path.Combine(folder, "model.onnx");
        var registered = trained.Report.Version.Sha256;
        File.AppendAllText(modelPath, " ");
        var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(modelPath)));

        var error = Assert.Throws<RegisteredModelException>(() => Initialized(folder));

        Assert.Equal(modelPath, error.Path);
        Assert.Contains($"sha256 {actual} differs from {registered} in metadata.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Initialize_RelativeModelDirectory_IsReadFromTheCompositionsFolder()
    {
        var folder = trained.CopyTo(directory.Combine("models", "regime"));
        using var detector = new OnnxRegimeDetector();

        detector.Initialize(new PluginTestContext(PluginTestContext.SettingsFor("models/regime"), RegimeSettingsPath, directory.Path));

        Assert.Equal(folder, detector.Model!.Directory);
    }

    [Fact]
    public void Initialize_WithoutModelDirectory_NamesTheSetting()
    {
        using var detector = new OnnxRegimeDetector();

        var error = Assert.Throws<PluginSettingsException>(() => detector.Initialize(new PluginTestContext("{}", RegimeSettingsPath)));

        Assert.Equal("$.regime.settings.modelDirectory", error.Path);
    }

    [Fact]
    public void Initialize_UnknownSetting_IsRefused()
    {
        var error = Assert.Throws<PluginSettingsException>(() => Initialized(trained.VersionDirectory, ", \"threshold\": 0.6"));

        Assert.Equal("$.regime.settings.threshold", error.Path);
    }

    [Fact]
    public void Update_BeforeInitialize_ThrowsAndAfterDisposeThrowsObjectDisposed()
    {
        var bar = ShippedData.MinuteBars()[0];
        var detector = new OnnxRegimeDetector();
        Assert.Throws<InvalidOperationException>(() => detector.Update(bar));
        detector.Dispose();
        detector.Dispose();

        Assert.Throws<ObjectDisposedException>(() => detector.Update(bar));
    }

    private static OnnxRegimeDetector Initialized(string modelDirectory, string extraSettings = "")
    {
        var detector = new OnnxRegimeDetector();
        try
        {
            detector.Initialize(new PluginTestContext(PluginTestContext.SettingsFor(modelDirectory, extraSettings), RegimeSettingsPath));
            return detector;
        }
        catch
        {
            detector.Dispose();
            throw;
        }
    }

    /// <summary>A copy of the trained folder with metadata.json edited (the model file and its hash untouched).</summary>
    private string WithMetadata(Action<JsonObject> edit)
    {
        var folder = trained.CopyTo(directory.Combine($"edited-{++copies}"));
        var path = Path.Combine(folder, "metadata.json");
        var metadata = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(metadata);
        File.WriteAllText(path, metadata.ToJsonString());
        return folder;
    }
}
