using System.Text.Json;

namespace PluginBot.Onnx.Models;

/// <summary>
/// The parts of a registered model's <c>metadata.json</c> that serving needs (see the model folder format: symbol,
/// kind, version, model type, sequence length, output classes, feature set and its hash, the model file's SHA-256).
/// Training metrics and hyperparameters are the registry's business and are not read here.
/// </summary>
/// <remarks>
/// Read with <see cref="JsonDocument"/> rather than a serializer: a plugin that serializes its own types keeps
/// System.Text.Json's reflection caches pointing into its load context, which stops it from unloading.
/// </remarks>
public sealed record ModelMetadata(
    string Symbol,
    string Kind,
    string Version,
    string ModelType,
    int SequenceLength,
    IReadOnlyList<string> Classes,
    string FeatureSet,
    string FeatureSetHash,
    string Sha256,
    string? Label = null)
{
    /// <summary>
    /// The N of a "forward-return:N" label (the bars ahead the model was trained to predict), or null for other labels:
    /// the natural horizon of the model's signals.
    /// </summary>
    public int? LabelHorizonBars
    {
        get
        {
            var colon = Label?.LastIndexOf(':') ?? -1;
            return colon >= 0 && int.TryParse(Label.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bars) && bars > 0
                ? bars
                : null;
        }
    }

    /// <summary>Parses <c>metadata.json</c>; <paramref name="path"/> names the file in errors.</summary>
    /// <exception cref="RegisteredModelException">The text is not JSON, or a required field is missing or has the wrong type.</exception>
    public static ModelMetadata Parse(string json, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var classes = root.GetProperty("classes").EnumerateArray().Select(c => c.GetString() ?? string.Empty).ToArray();
            var metadata = new ModelMetadata(
                Text(root, "symbol"),
                Text(root, "kind"),
                Text(root, "version"),
                Text(root, "modelType"),
                root.GetProperty("sequenceLength").GetInt32(),
                classes,
                Text(root, "featureSet"),
                Text(root, "featureSetHash"),
                Text(root, "sha256"),
                root.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.String ? label.GetString() : null);
            if (metadata.SequenceLength < 1)
            {
                throw new RegisteredModelException(path, $"sequenceLength must be at least 1, found {metadata.SequenceLength}.");
            }

            if (classes.Length == 0)
            {
                throw new RegisteredModelException(path, "classes is empty; it must name the model's output columns.");
            }

            return metadata;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new RegisteredModelException(path, $"not a valid metadata.json: {exception.Message}", exception);
        }
    }

    /// <summary>The position of the class called <paramref name="name"/> among the outputs, or −1.</summary>
    public int IndexOfClass(string name)
    {
        for (var index = 0; index < Classes.Count; index++)
        {
            if (string.Equals(Classes[index], name, StringComparison.Ordinal))
            {
                return index;
            }
        }

        return -1;
    }

    private static string Text(JsonElement root, string name)
    {
        var value = root.GetProperty(name);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"'{name}' must be a string, found {value.ValueKind}.");
    }
}
