using System.Text.RegularExpressions;

namespace PluginBot.Hosting.Manifest;

/// <summary>Builds the JSONPath strings that errors carry ("$.configSchema.properties.fast-period").</summary>
internal static partial class JsonPathText
{
    /// <summary>The path of the whole document.</summary>
    public const string Root = "$";

    /// <summary>Appends a property: dotted when the name is a plain identifier, bracketed otherwise, so the path stays unambiguous.</summary>
    public static string Property(string parent, string name) =>
        PlainName().IsMatch(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    /// <summary>Appends an array index.</summary>
    public static string Index(string parent, int index) => $"{parent}[{index}]";

    /// <summary>
    /// Converts an NJsonSchema error path ("#/a.b[0]") to a JSONPath under <paramref name="root"/>. NJsonSchema joins
    /// names with dots without escaping, so this is as exact as the library allows.
    /// </summary>
    public static string FromSchemaErrorPath(string root, string? schemaPath)
    {
        var relative = RelativeSchemaErrorPath(schemaPath);
        if (relative.Length == 0)
        {
            return root;
        }

        return relative[0] == '[' ? root + relative : $"{root}.{relative}";
    }

    /// <summary>The part of an NJsonSchema error path after "#/", which Newtonsoft's SelectToken understands.</summary>
    public static string RelativeSchemaErrorPath(string? schemaPath)
    {
        var relative = schemaPath ?? string.Empty;
        if (relative.StartsWith('#'))
        {
            relative = relative[1..];
        }

        return relative.StartsWith('/') ? relative[1..] : relative;
    }

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainName();
}
