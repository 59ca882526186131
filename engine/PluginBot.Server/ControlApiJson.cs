using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginBot.Server;

/// <summary>The JSON shape of the API: camelCase names and enums as their names, so responses read without a schema.</summary>
public static class ControlApiJson
{
    /// <summary>Options matching the API's responses; use them to read responses in .NET clients and tests.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the API's conventions to <paramref name="options"/>.</summary>
    internal static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
