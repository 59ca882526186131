using System.Text.Json;
using NJsonSchema;

namespace PluginBot.Hosting.Manifest;

/// <summary>
/// A plugin's config schema (the manifest's <c>configSchema</c>), ready to check settings and fill in defaults.
/// The host builds one per loaded plugin version and resolves each composition's settings through it, so plugins
/// receive complete, schema-checked settings and the defaults live in one place: the manifest.
/// </summary>
public sealed class PluginSettingsSchema
{
    private readonly JsonSchema? schema;

    private PluginSettingsSchema(JsonSchema? schema, IReadOnlyDictionary<string, JsonElement> defaults)
    {
        this.schema = schema;
        Defaults = defaults;
    }

    /// <summary>For plugins without a config schema: any object is accepted as is and nothing is added.</summary>
    public static PluginSettingsSchema Unconstrained { get; } = new(null, new Dictionary<string, JsonElement>());

    /// <summary>The <c>default</c> of each top-level property that has one, in schema order.</summary>
    public IReadOnlyDictionary<string, JsonElement> Defaults { get; }

    /// <summary>The schema of a validated manifest.</summary>
    public static PluginSettingsSchema For(PluginManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return Parse(manifest.ConfigSchemaJson);
    }

    /// <summary>Parses a config schema; null means the plugin has none (<see cref="Unconstrained"/>).</summary>
    /// <exception cref="FormatException">The text is not a usable config schema; the message lists every problem.</exception>
    public static PluginSettingsSchema Parse(string? configSchemaJson)
    {
        if (configSchemaJson is null)
        {
            return Unconstrained;
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(configSchemaJson);
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new FormatException($"the config schema is not valid JSON: {exception.Message}", exception);
        }

        var (schema, errors) = ConfigSchemaChecker.Check(root, JsonPathText.Root);
        if (schema is null || errors.Count > 0)
        {
            throw new FormatException("the config schema is not usable:\n" + string.Join('\n', errors.Select(error => $"{error.JsonPath}: {error.Message}")));
        }

        return new PluginSettingsSchema(schema, ReadDefaults(root));
    }

    /// <summary>
    /// Applies defaults to absent top-level properties of <paramref name="settings"/>, then validates the result.
    /// Defaults never replace a value the user wrote, even a wrong one: that is reported, not papered over.
    /// A missing (undefined or null) settings value counts as an empty object.
    /// </summary>
    /// <param name="settings">The plugin's settings object from the composition.</param>
    /// <param name="settingsPath">Where the settings are in the composition, prefixed to every error path ("$.experts[0].settings").</param>
    public PluginSettingsResolution Resolve(JsonElement settings, string settingsPath = JsonPathText.Root)
    {
        ArgumentNullException.ThrowIfNull(settingsPath);
        if (settings.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            settings = EmptyObject();
        }

        if (settings.ValueKind != JsonValueKind.Object)
        {
            var found = settings.ValueKind == JsonValueKind.Array ? "an array" : settings.GetRawText();
            return new PluginSettingsResolution(settings.Clone(), [new PluginSettingsError(settingsPath, $"expected an object of settings, found {found}")]);
        }

        var merged = Merge(settings);
        if (schema is null)
        {
            return new PluginSettingsResolution(merged, []);
        }

        var token = JsonTokenParser.Parse(merged.GetRawText());
        var errors = SchemaErrorTranslator.Translate(schema.Validate(token), token, settingsPath)
            .Select(problem => new PluginSettingsError(problem.JsonPath, problem.Message))
            .ToArray();
        return new PluginSettingsResolution(merged, errors);
    }

    /// <summary>Resolves settings given as JSON text; see <see cref="Resolve(JsonElement, string)"/>.</summary>
    /// <exception cref="FormatException">The text is not JSON.</exception>
    public PluginSettingsResolution Resolve(string settingsJson, string settingsPath = JsonPathText.Root)
    {
        ArgumentNullException.ThrowIfNull(settingsJson);
        try
        {
            using var document = JsonDocument.Parse(settingsJson);
            return Resolve(document.RootElement, settingsPath);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"{settingsPath}: the settings are not valid JSON: {exception.Message}", exception);
        }
    }

    private JsonElement Merge(JsonElement settings)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in settings.EnumerateObject())
            {
                property.WriteTo(writer);
            }

            foreach (var (name, value) in Defaults)
            {
                if (!settings.TryGetProperty(name, out _))
                {
                    writer.WritePropertyName(name);
                    value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static Dictionary<string, JsonElement> ReadDefaults(JsonElement root)
    {
        var defaults = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("default", out var value))
                {
                    defaults[property.Name] = value.Clone();
                }
            }
        }

        return defaults;
    }

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }
}
