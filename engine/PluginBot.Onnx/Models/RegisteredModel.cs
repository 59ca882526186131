using System.Security.Cryptography;
using PluginBot.Features;

namespace PluginBot.Onnx.Models;

/// <summary>
/// A registered model version folder (<c>model.onnx</c>, <c>feature_schema.json</c>, <c>metadata.json</c>) opened for
/// serving, after every check that keeps a model from silently reading the wrong numbers: the model file's SHA-256
/// equals the metadata's, the engine's feature set of that name has exactly the schema the model was trained on, and
/// the model's input and output shapes agree with the schema and the metadata's classes. Experts and regime detectors
/// share this loader so the checks are the same everywhere.
/// </summary>
public sealed class RegisteredModel : IDisposable
{
    /// <summary>The exported model's file name.</summary>
    public const string ModelFileName = "model.onnx";

    /// <summary>The training feature schema's file name.</summary>
    public const string SchemaFileName = "feature_schema.json";

    /// <summary>The metadata's file name.</summary>
    public const string MetadataFileName = "metadata.json";

    /// <summary>The input name the registry's format fixes.</summary>
    public const string InputName = "features";

    /// <summary>The output name the registry's format fixes.</summary>
    public const string OutputName = "probabilities";

    private readonly FeatureSetCatalog catalog;

    private RegisteredModel(string directory, ModelMetadata metadata, FeatureSchema schema, OnnxSession session, FeatureSetCatalog catalog)
    {
        Directory = directory;
        Metadata = metadata;
        Schema = schema;
        Session = session;
        this.catalog = catalog;
    }

    /// <summary>The version folder.</summary>
    public string Directory { get; }

    /// <summary>The metadata the model was registered with.</summary>
    public ModelMetadata Metadata { get; }

    /// <summary>The feature schema the model was trained on (equal to the engine's).</summary>
    public FeatureSchema Schema { get; }

    /// <summary>The session, prepared for batch size 1 unless other sizes were asked for.</summary>
    public OnnxSession Session { get; }

    /// <summary>A short name for decision records: "BTCUSDT/direction-mlp/v0001".</summary>
    public string DisplayName => $"{Metadata.Symbol}/{Metadata.Kind}/{Metadata.Version}";

    /// <summary>Opens and checks the folder.</summary>
    /// <exception cref="RegisteredModelException">A file is missing or corrupt, or a check failed; the message names the file and the difference.</exception>
    /// <exception cref="OnnxShapeException">The model's input does not read the schema's features over the metadata's sequence length.</exception>
    public static RegisteredModel Open(OnnxRuntime runtime, string directory, OnnxSessionOptions? sessionOptions = null, FeatureSetCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        catalog ??= new FeatureSetCatalog();
        directory = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new RegisteredModelException(directory, "the model folder does not exist.");
        }

        var metadataPath = Path.Combine(directory, MetadataFileName);
        var metadata = ModelMetadata.Parse(ReadText(metadataPath), metadataPath);
        var modelPath = Path.Combine(directory, ModelFileName);
        VerifyHash(modelPath, metadata.Sha256);
        var schemaPath = Path.Combine(directory, SchemaFileName);
        var schema = ReadSchema(schemaPath);
        if (!string.Equals(schema.Hash, metadata.FeatureSetHash, StringComparison.Ordinal))
        {
            throw new RegisteredModelException(metadataPath, $"featureSetHash {metadata.FeatureSetHash} differs from the hash of {SchemaFileName} ({schema.Hash}).");
        }

        if (!string.Equals(schema.Name, metadata.FeatureSet, StringComparison.Ordinal))
        {
            throw new RegisteredModelException(metadataPath, $"featureSet '{metadata.FeatureSet}' differs from the name in {SchemaFileName} ('{schema.Name}').");
        }

        CompareWithEngine(schemaPath, schema, catalog);
        var session = OpenSession(runtime, modelPath, sessionOptions);
        try
        {
            CheckSession(session, metadata, schema, modelPath);
            return new RegisteredModel(directory, metadata, schema, session, catalog);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>A fresh feature set of the model's kind, for one symbol.</summary>
    public IFeatureSet CreateFeatureSet() => catalog.Create(Metadata.FeatureSet);

    /// <summary>A fresh per-symbol feed (feature set plus window) sized for this model.</summary>
    public SymbolFeatureFeed CreateFeed() => new(CreateFeatureSet(), Metadata.SequenceLength);

    /// <summary>Releases the session. Safe to call twice.</summary>
    public void Dispose() => Session.Dispose();

    private static string ReadText(string path)
    {
        if (!File.Exists(path))
        {
            throw new RegisteredModelException(path, "the file is missing; a model folder holds model.onnx, feature_schema.json and metadata.json.");
        }

        return File.ReadAllText(path);
    }

    private static void VerifyHash(string modelPath, string expected)
    {
        if (!File.Exists(modelPath))
        {
            throw new RegisteredModelException(modelPath, "the file is missing; a model folder holds model.onnx, feature_schema.json and metadata.json.");
        }

        string actual;
        using (var stream = File.OpenRead(modelPath))
        {
            actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new RegisteredModelException(modelPath, $"sha256 {actual} differs from {expected} in {MetadataFileName}; the file was changed or damaged after registration.");
        }
    }

    private static FeatureSchema ReadSchema(string schemaPath)
    {
        try
        {
            return FeatureSchema.Parse(ReadText(schemaPath));
        }
        catch (FormatException exception)
        {
            throw new RegisteredModelException(schemaPath, exception.Message, exception);
        }
    }

    private static void CompareWithEngine(string schemaPath, FeatureSchema trained, FeatureSetCatalog catalog)
    {
        FeatureSchema engine;
        try
        {
            engine = catalog.Create(trained.Name).Schema;
        }
        catch (KeyNotFoundException exception)
        {
            throw new RegisteredModelException(schemaPath, exception.Message, exception);
        }

        var difference = FeatureSchemaComparison.FirstDifference(trained, engine);
        if (difference is not null)
        {
            throw new RegisteredModelException(schemaPath, $"the model was trained on a different '{trained.Name}' feature set than the engine computes: {difference}.");
        }
    }

    private static OnnxSession OpenSession(OnnxRuntime runtime, string modelPath, OnnxSessionOptions? options)
    {
        options = (options ?? OnnxSessionOptions.Default) with { OutputName = OutputName };
        try
        {
            return runtime.CreateSession(modelPath, options);
        }
        catch (OnnxRuntimeException exception)
        {
            throw new RegisteredModelException(modelPath, $"ONNX Runtime cannot load the model: {exception.RuntimeMessage}", exception);
        }
        catch (NotSupportedException exception) when (!exception.Message.Contains("CUDA", StringComparison.Ordinal))
        {
            throw new RegisteredModelException(modelPath, exception.Message, exception);
        }
    }

    private static void CheckSession(OnnxSession session, ModelMetadata metadata, FeatureSchema schema, string modelPath)
    {
        if (!string.Equals(session.InputName, InputName, StringComparison.Ordinal))
        {
            throw new RegisteredModelException(modelPath, $"the model's input is called '{session.InputName}'; the registry format requires '{InputName}'.");
        }

        var sequenceModel = !string.Equals(metadata.ModelType, "mlp", StringComparison.Ordinal);
        if (sequenceModel != (session.InputShape.Rank == 3))
        {
            throw new OnnxShapeException(
                $"input '{InputName}' of model '{modelPath}' (modelType '{metadata.ModelType}')",
                sequenceModel ? "[batch, sequence, features]" : "[batch, features]",
                session.InputShape.ToString());
        }

        session.RequireInputShape(metadata.SequenceLength, schema.Count);
        if (session.OutputShape.Rank != 2 || session.OutputRowLength != metadata.Classes.Count)
        {
            throw new OnnxShapeException(
                $"output '{OutputName}' of model '{modelPath}' (classes {string.Join(", ", metadata.Classes)})",
                $"[batch, {metadata.Classes.Count}]",
                session.OutputShape.ToString());
        }
    }
}
