using NJsonSchema;

namespace PluginBot.Hosting.Manifest;

/// <summary>
/// The plugin.json schema embedded in this assembly from the repository's plugin.schema.json. Embedding (rather
/// than reading a file next to the engine) means a host can never validate against a schema of another version.
/// </summary>
internal static class ManifestSchema
{
    private const string ResourceName = "PluginBot.Hosting.plugin.schema.json";

    // Parsed once: parsing costs milliseconds, and the host validates a manifest on every load and swap.
    private static readonly Lazy<JsonSchema> Parsed = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The parsed schema.</summary>
    public static JsonSchema Schema => Parsed.Value;

    private static JsonSchema Load()
    {
        using var stream = typeof(ManifestSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from {typeof(ManifestSchema).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return JsonSchemaParser.Parse(reader.ReadToEnd());
    }
}
