using NJsonSchema;
using NJsonSchema.References;

namespace PluginBot.Hosting.Manifest;

/// <summary>
/// Parses JSON Schemas with NJsonSchema while refusing external <c>$ref</c>s. A plugin's config schema is
/// untrusted input: following a file or URL reference would let validating a manifest read the disk or the
/// network, and would make validation depend on more than the plugin folder.
/// </summary>
internal static class JsonSchemaParser
{
    /// <summary>Parses <paramref name="json"/>; only references inside the same document resolve.</summary>
    /// <exception cref="Newtonsoft.Json.JsonException">The text is not a schema NJsonSchema understands.</exception>
    /// <exception cref="NotSupportedException">The schema refers to a file or URL.</exception>
    /// <exception cref="InvalidOperationException">A local reference does not resolve.</exception>
    public static JsonSchema Parse(string json) =>
        // NJsonSchema offers only an asynchronous API; nothing here awaits real I/O because external references are refused.
        JsonSchema.FromJsonAsync(json, documentPath: null, schema => new LocalReferenceResolver(schema), CancellationToken.None)
            .GetAwaiter()
            .GetResult();

    /// <summary>Resolves references inside the document and refuses the rest.</summary>
    private sealed class LocalReferenceResolver(JsonSchema root)
        : JsonReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
    {
        public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException($"the schema refers to the file \"{filePath}\"; only references inside the schema (#/...) are allowed");

        public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException($"the schema refers to \"{url}\"; only references inside the schema (#/...) are allowed");
    }
}
