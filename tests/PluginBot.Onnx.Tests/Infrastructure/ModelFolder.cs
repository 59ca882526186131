using System.Security.Cryptography;
using System.Text.Json;
using PluginBot.Features;

namespace PluginBot.Onnx.Tests.Infrastructure;

/// <summary>
/// A registered model version folder in a temporary directory, laid out as the model registry writes it: a fixture
/// model as model.onnx, the engine's feature schema, and metadata.json with the model's real SHA-256.
/// </summary>
internal sealed class ModelFolder : IDisposable
{
    private readonly DirectoryInfo root;

    public ModelFolder(string fixture, string kind = "direction-mlp", string modelType = "mlp", int sequenceLength = 1,
        string[]? classes = null, FeatureSchema? schema = null, string? sha256 = null, string? featureSetHash = null)
    {
        root = Directory.CreateTempSubdirectory("pluginbot-onnx-model");
        Path = System.IO.Path.Combine(root.FullName, "BTCUSDT", kind, "v0001");
        Directory.CreateDirectory(Path);
        var modelPath = System.IO.Path.Combine(Path, "model.onnx");
        File.Copy(TestFiles.Path(fixture), modelPath);
        schema ??= new FeatureSetCatalog().GetSchema(DefaultFeatureSet.Name);
        File.WriteAllText(System.IO.Path.Combine(Path, "feature_schema.json"), schema.ToJson());
        var metadata = new Dictionary<string, object?>
        {
            ["symbol"] = "BTCUSDT",
            ["kind"] = kind,
            ["version"] = "v0001",
            ["parentVersion"] = null,
            ["modelType"] = modelType,
            ["sequenceLength"] = sequenceLength,
            ["classes"] = classes ?? ["down", "up"],
            ["featureSet"] = schema.Name,
            ["featureSetHash"] = featureSetHash ?? schema.Hash,
            ["label"] = "forward-return:15",
            ["regime"] = null,
            ["trainingWindow"] = new { from = "2022-12-13T00:00:00Z", to = "2022-12-13T23:59:00Z" },
            ["sha256"] = sha256 ?? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(modelPath))),
            ["createdAt"] = "2024-06-01T00:00:00Z",
            ["stage"] = "candidate",
        };
        File.WriteAllText(System.IO.Path.Combine(Path, "metadata.json"), JsonSerializer.Serialize(metadata));
    }

    /// <summary>The version folder.</summary>
    public string Path { get; }

    public string FilePath(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => root.Delete(recursive: true);
}
