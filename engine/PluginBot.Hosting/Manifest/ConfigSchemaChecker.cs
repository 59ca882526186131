using System.Text.Json;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace PluginBot.Hosting.Manifest;

/// <summary>
/// Checks that a plugin's <c>configSchema</c> is a JSON Schema the host can use. NJsonSchema is lenient (an unknown
/// type name or a broken regular expression parses silently and fails later, or never), so on top of parsing this
/// walks the schema for type names and patterns, requires it to describe an object (settings are one), and checks
/// each top-level default against its own property schema, because defaults are what a plugin gets without asking.
/// </summary>
internal static class ConfigSchemaChecker
{
    private static readonly HashSet<string> TypeNames = ["string", "number", "integer", "boolean", "object", "array", "null"];

    private static readonly string[] SchemaMapKeywords = ["properties", "patternProperties", "definitions", "$defs"];

    private static readonly string[] SchemaKeywords = ["additionalProperties", "additionalItems", "not", "contains", "propertyNames", "if", "then", "else"];

    private static readonly string[] SchemaListKeywords = ["allOf", "anyOf", "oneOf"];

    /// <summary>
    /// Every problem in <paramref name="configSchema"/>, with paths under <paramref name="root"/>; the parsed schema
    /// when NJsonSchema could parse it.
    /// </summary>
    public static (JsonSchema? Schema, List<(string JsonPath, string Message)> Errors) Check(JsonElement configSchema, string root)
    {
        var errors = new List<(string JsonPath, string Message)>();
        if (configSchema.ValueKind != JsonValueKind.Object)
        {
            errors.Add((root, "expected a JSON Schema object"));
            return (null, errors);
        }

        CheckNode(configSchema, root, errors);
        CheckDescribesObject(configSchema, root, errors);
        var walkErrorCount = errors.Count;

        JsonSchema? schema = null;
        try
        {
            schema = JsonSchemaParser.Parse(configSchema.GetRawText());
        }
        catch (Newtonsoft.Json.JsonException exception) when (exception is Newtonsoft.Json.JsonReaderException or Newtonsoft.Json.JsonSerializationException)
        {
            var (reason, relativePath) = SplitNewtonsoftMessage(exception.Message);
            errors.Add((Under(root, relativePath), $"not a valid JSON Schema: {reason}"));
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or ArgumentException or Newtonsoft.Json.JsonException)
        {
            // NJsonSchema wraps a refused external $ref in a vaguer exception; the walk above already reported it at its path.
            var refusedReference = exception is NotSupportedException || exception.InnerException is NotSupportedException;
            if (!refusedReference || walkErrorCount == 0)
            {
                errors.Add((root, $"not a valid JSON Schema: {(exception.InnerException ?? exception).Message}"));
            }
        }

        if (schema is not null && errors.Count == 0)
        {
            CheckDefaults(configSchema, schema, root, errors);
        }

        return (schema, errors);
    }

    private static void CheckNode(JsonElement node, string path, List<(string JsonPath, string Message)> errors)
    {
        if (node.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return; // draft-06 boolean schemas: true accepts anything, false nothing.
        }

        if (node.ValueKind != JsonValueKind.Object)
        {
            errors.Add((path, "expected a schema (an object)"));
            return;
        }

        if (node.TryGetProperty("type", out var type))
        {
            CheckType(type, JsonPathText.Property(path, "type"), errors);
        }

        if (node.TryGetProperty("$ref", out var reference)
            && (reference.ValueKind != JsonValueKind.String || !reference.GetString()!.StartsWith('#')))
        {
            errors.Add((JsonPathText.Property(path, "$ref"), $"only references inside the schema (#/...) are allowed, found {reference.GetRawText()}; a plugin's schema must not depend on other files or the network"));
        }

        if (node.TryGetProperty("pattern", out var pattern))
        {
            CheckPattern(pattern, JsonPathText.Property(path, "pattern"), errors);
        }

        foreach (var keyword in SchemaMapKeywords)
        {
            if (node.TryGetProperty(keyword, out var map) && map.ValueKind == JsonValueKind.Object)
            {
                var mapPath = JsonPathText.Property(path, keyword);
                foreach (var entry in map.EnumerateObject())
                {
                    if (keyword == "patternProperties")
                    {
                        CheckRegularExpression(entry.Name, JsonPathText.Property(mapPath, entry.Name), errors);
                    }

                    CheckNode(entry.Value, JsonPathText.Property(mapPath, entry.Name), errors);
                }
            }
        }

        foreach (var keyword in SchemaKeywords)
        {
            if (node.TryGetProperty(keyword, out var child) && child.ValueKind == JsonValueKind.Object)
            {
                CheckNode(child, JsonPathText.Property(path, keyword), errors);
            }
        }

        foreach (var keyword in SchemaListKeywords.Append("items"))
        {
            if (node.TryGetProperty(keyword, out var list))
            {
                var listPath = JsonPathText.Property(path, keyword);
                if (list.ValueKind == JsonValueKind.Array)
                {
                    var index = 0;
                    foreach (var child in list.EnumerateArray())
                    {
                        CheckNode(child, JsonPathText.Index(listPath, index++), errors);
                    }
                }
                else if (keyword == "items")
                {
                    CheckNode(list, listPath, errors);
                }
            }
        }
    }

    private static void CheckType(JsonElement type, string path, List<(string JsonPath, string Message)> errors)
    {
        var names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().ToArray() : [type];
        foreach (var name in names)
        {
            if (name.ValueKind != JsonValueKind.String || !TypeNames.Contains(name.GetString()!))
            {
                errors.Add((path, $"unknown type {name.GetRawText()}; expected one of {string.Join(", ", TypeNames)}"));
            }
        }
    }

    private static void CheckPattern(JsonElement pattern, string path, List<(string JsonPath, string Message)> errors)
    {
        if (pattern.ValueKind != JsonValueKind.String)
        {
            errors.Add((path, $"expected a regular expression string, found {pattern.GetRawText()}"));
            return;
        }

        CheckRegularExpression(pattern.GetString()!, path, errors);
    }

    private static void CheckRegularExpression(string expression, string path, List<(string JsonPath, string Message)> errors)
    {
        try
        {
            _ = new Regex(expression, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException exception)
        {
            errors.Add((path, $"not a valid regular expression: {exception.Message}"));
        }
    }

    private static void CheckDescribesObject(JsonElement configSchema, string root, List<(string JsonPath, string Message)> errors)
    {
        if (!configSchema.TryGetProperty("type", out var type))
        {
            return;
        }

        var allowsObject = type.ValueKind switch
        {
            JsonValueKind.String => type.GetString() == "object",
            JsonValueKind.Array => type.EnumerateArray().Any(name => name.ValueKind == JsonValueKind.String && name.GetString() == "object"),
            _ => true, // reported by CheckType
        };
        if (!allowsObject)
        {
            errors.Add((JsonPathText.Property(root, "type"), $"a plugin's settings are a JSON object, so the config schema must describe an object; found type {type.GetRawText()}"));
        }
    }

    private static void CheckDefaults(JsonElement configSchema, JsonSchema schema, string root, List<(string JsonPath, string Message)> errors)
    {
        if (!configSchema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var propertiesPath = JsonPathText.Property(root, "properties");
        foreach (var property in properties.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object
                || !property.Value.TryGetProperty("default", out var defaultValue)
                || !schema.ActualProperties.TryGetValue(property.Name, out var propertySchema))
            {
                continue;
            }

            var defaultPath = JsonPathText.Property(JsonPathText.Property(propertiesPath, property.Name), "default");
            var token = JsonTokenParser.Parse(defaultValue.GetRawText());
            var problems = propertySchema.Validate(token);
            foreach (var (path, message) in SchemaErrorTranslator.Translate(problems, token, defaultPath))
            {
                errors.Add((path, $"the default does not satisfy the property's own schema: {message}"));
            }
        }
    }

    private static string Under(string root, string? relativePath) =>
        string.IsNullOrEmpty(relativePath)
            ? root
            : relativePath[0] == '[' ? root + relativePath : $"{root}.{relativePath}";

    // Newtonsoft ends its messages with "Path 'a.b', line 1, position 14.": the path is worth keeping (the old
    // Newtonsoft that NJsonSchema binds has no Path property on every exception), the position inside a re-serialized
    // fragment is not.
    private static (string Reason, string? RelativePath) SplitNewtonsoftMessage(string message)
    {
        const string Marker = " Path '";
        var index = message.IndexOf(Marker, StringComparison.Ordinal);
        if (index < 0)
        {
            return (message, null);
        }

        var start = index + Marker.Length;
        var end = message.IndexOf('\'', start);
        return (message[..index], end < 0 ? null : message[start..end]);
    }
}
