using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PluginBot.Features;

/// <summary>
/// The contract between a feature set and everything that consumes its vectors: the set's name and version, the
/// features in vector order, and a SHA-256 hash over all of it. A model trained on one schema must only be served
/// vectors of a schema with the same hash; the hash changes whenever a name, family, parameter, the order or the
/// version changes, so a silent mismatch between training and serving is impossible.
/// </summary>
/// <remarks>
/// The hashed canonical text is the schema's compact JSON without the hash (see <see cref="CanonicalText"/>): JSON
/// escaping makes the text unambiguous (no name or value can imitate a separator), and the same writer produces
/// <c>feature_schema.json</c>, so anyone can recompute the hash from the file.
/// </remarks>
public sealed class FeatureSchema
{
    private readonly Dictionary<string, int> indexByName;

    /// <summary>Creates a schema and computes its hash.</summary>
    /// <exception cref="ArgumentException">The name is blank, the version is below 1, there are no features, or two features share a name.</exception>
    public FeatureSchema(string name, int version, IReadOnlyList<FeatureDefinition> features)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0)
        {
            throw new ArgumentException($"Feature set '{name}' has no features.", nameof(features));
        }

        indexByName = new Dictionary<string, int>(features.Count, StringComparer.Ordinal);
        for (var index = 0; index < features.Count; index++)
        {
            ArgumentNullException.ThrowIfNull(features[index], nameof(features));
            if (!indexByName.TryAdd(features[index].Name, index))
            {
                throw new ArgumentException($"Feature set '{name}' defines '{features[index].Name}' twice.", nameof(features));
            }
        }

        Name = name;
        Version = version;
        Features = features.ToArray();
        CanonicalText = Serialize(includeHash: false, indented: false);
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText)));
    }

    /// <summary>The set's name, for example "default".</summary>
    public string Name { get; }

    /// <summary>The set's version; bump it when a feature's computation changes without its name or parameters changing.</summary>
    public int Version { get; }

    /// <summary>The features in vector order.</summary>
    public IReadOnlyList<FeatureDefinition> Features { get; }

    /// <summary>How many floats a vector of this schema holds.</summary>
    public int Count => Features.Count;

    /// <summary>The exact text the hash is computed over (compact JSON without the hash).</summary>
    public string CanonicalText { get; }

    /// <summary>Lower-case hexadecimal SHA-256 of <see cref="CanonicalText"/> in UTF-8.</summary>
    public string Hash { get; }

    /// <summary>The position of the feature called <paramref name="featureName"/>, or −1 when the schema has none.</summary>
    public int IndexOf(string featureName) => indexByName.GetValueOrDefault(featureName, -1);

    /// <summary>
    /// The schema as indented JSON including the hash: the <c>feature_schema.json</c> a model registry stores beside a
    /// model. The output is byte-for-byte deterministic (fixed property order, "\n" line ends).
    /// </summary>
    public string ToJson() => Serialize(includeHash: true, indented: true);

    /// <summary>
    /// Reads a schema written by <see cref="ToJson"/> and checks its stored hash, so a hand-edited or corrupted file
    /// is rejected rather than silently describing different features.
    /// </summary>
    /// <exception cref="FormatException">The text is not a schema, or its hash does not match its content.</exception>
    public static FeatureSchema Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var features = new List<FeatureDefinition>();
            foreach (var feature in root.GetProperty("features").EnumerateArray())
            {
                var parameters = new List<FeatureParameter>();
                foreach (var parameter in feature.GetProperty("parameters").EnumerateObject())
                {
                    parameters.Add(new FeatureParameter(parameter.Name, parameter.Value.GetString() ?? string.Empty));
                }

                features.Add(new FeatureDefinition(
                    feature.GetProperty("name").GetString() ?? string.Empty,
                    ParseFamily(feature.GetProperty("family").GetString()),
                    parameters));
            }

            var schema = new FeatureSchema(root.GetProperty("name").GetString() ?? string.Empty, root.GetProperty("version").GetInt32(), features);
            var storedHash = root.GetProperty("hash").GetString();
            if (!string.Equals(storedHash, schema.Hash, StringComparison.Ordinal))
            {
                throw new FormatException($"The schema's stored hash {storedHash} does not match its content (hash {schema.Hash}); the file was edited or is corrupt.");
            }

            return schema;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"Not a feature schema: {exception.Message}", exception);
        }
    }

    /// <summary>The family's spelling in schema files: its name in lower case.</summary>
    public static string FormatFamily(FeatureFamily family) => family.ToString().ToLowerInvariant();

    /// <inheritdoc />
    public override string ToString() => $"{Name} v{Version} ({Count} features, {Hash[..12]})";

    private static FeatureFamily ParseFamily(string? text)
    {
        foreach (var family in Enum.GetValues<FeatureFamily>())
        {
            if (string.Equals(FormatFamily(family), text, StringComparison.Ordinal))
            {
                return family;
            }
        }

        throw new FormatException($"'{text}' is not a feature family.");
    }

    private string Serialize(bool includeHash, bool indented)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, NewLine = "\n" }))
        {
            writer.WriteStartObject();
            writer.WriteString("name", Name);
            writer.WriteNumber("version", Version);
            if (includeHash)
            {
                writer.WriteString("hash", Hash);
            }

            writer.WriteStartArray("features");
            for (var index = 0; index < Features.Count; index++)
            {
                var feature = Features[index];
                writer.WriteStartObject();
                writer.WriteNumber("index", index);
                writer.WriteString("name", feature.Name);
                writer.WriteString("family", FormatFamily(feature.Family));
                writer.WriteStartObject("parameters");
                foreach (var parameter in feature.Parameters)
                {
                    writer.WriteString(parameter.Key, parameter.Value);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return indented ? text + "\n" : text;
    }
}
