using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PluginBot.Hosting.Manifest;

/// <summary>
/// Turns JSON text into the Newtonsoft tree that NJsonSchema validates. Dates stay strings: Newtonsoft's default
/// of converting date-like strings to dates would change what the schema sees and how values are quoted back.
/// </summary>
internal static class JsonTokenParser
{
    /// <summary>Parses <paramref name="json"/> keeping line information for error positions.</summary>
    /// <exception cref="JsonReaderException">The text is not JSON.</exception>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
        };
        return JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
    }
}
