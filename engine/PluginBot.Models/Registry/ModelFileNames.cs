namespace PluginBot.Models.Registry;

/// <summary>The file names of a model version folder, fixed by the shared model format.</summary>
public static class ModelFileNames
{
    /// <summary>The ONNX model.</summary>
    public const string Model = "model.onnx";

    /// <summary>The feature schema text (<c>FeatureSchema.ToJson()</c>).</summary>
    public const string FeatureSchema = "feature_schema.json";

    /// <summary>The camelCase metadata.</summary>
    public const string Metadata = "metadata.json";

    /// <summary>The SQLite index at the registry root.</summary>
    public const string Index = "registry.db";

    /// <summary>Prefix of folders being written; anything with it is unfinished and never a version.</summary>
    public const string TemporaryPrefix = ".tmp-";
}
