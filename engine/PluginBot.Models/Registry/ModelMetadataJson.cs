using System.Text;
using System.Text.Json;

namespace PluginBot.Models.Registry;

/// <summary>
/// Reads and writes <c>metadata.json</c> in the shared format (camelCase, indented, "\n" line ends, no BOM), so the
/// registry, the ONNX expert and humans all see the same file.
/// </summary>
public static class ModelMetadataJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",
    };

    /// <summary>The metadata as indented camelCase JSON ending in a newline.</summary>
    public static string Serialize(ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return JsonSerializer.Serialize(metadata, Options) + "\n";
    }

    /// <summary>Reads a file written by <see cref="Serialize"/>.</summary>
    /// <exception cref="FormatException">The text is not model metadata.</exception>
    public static ModelMetadata Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<ModelMetadata>(json, Options) ?? throw new FormatException("metadata.json holds null.");
        }
        catch (JsonException exception)
        {
            throw new FormatException($"Not model metadata: {exception.Message}", exception);
        }
    }

    /// <summary>Writes the file as UTF-8 without a byte-order mark.</summary>
    public static void Write(string path, ModelMetadata metadata) =>
        File.WriteAllText(path, Serialize(metadata), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    /// <summary>Reads a <c>metadata.json</c> file.</summary>
    public static ModelMetadata Read(string path) => Deserialize(File.ReadAllText(path));
}
