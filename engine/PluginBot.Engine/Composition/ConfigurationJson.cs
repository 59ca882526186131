using System.Globalization;
using System.Text.Json;

namespace PluginBot.Engine.Composition;

/// <summary>
/// The checks every configuration file shares (compositions, their exit policies, the paper host's configuration):
/// each failure is a <see cref="CompositionException"/> naming the file, the JSON path and what was expected, and an
/// unknown key is an error rather than a silently ignored typo. One set of checks, so every file speaks the same way.
/// </summary>
public static class ConfigurationJson
{
    /// <summary>The member <paramref name="name"/> of <paramref name="parent"/>; missing or null is an error.</summary>
    public static JsonElement Required(string path, JsonElement parent, string parentPath, string name) =>
        Optional(parent, name) ?? throw new CompositionException(path, $"{parentPath}.{name}", "is required");

    /// <summary>The member <paramref name="name"/> of <paramref name="parent"/>, or null when missing or null.</summary>
    public static JsonElement? Optional(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>A required, non-blank string member.</summary>
    public static string RequiredString(string path, JsonElement parent, string parentPath, string name) =>
        NonBlankString(path, Required(path, parent, parentPath, name), $"{parentPath}.{name}");

    /// <summary>An optional string member, or null.</summary>
    public static string? OptionalString(string path, JsonElement parent, string parentPath, string name)
    {
        if (Optional(parent, name) is not { } value)
        {
            return null;
        }

        Expect(path, value, $"{parentPath}.{name}", JsonValueKind.String);
        return value.GetString();
    }

    /// <summary>A string that is not empty or blank.</summary>
    public static string NonBlankString(string path, JsonElement value, string jsonPath)
    {
        Expect(path, value, jsonPath, JsonValueKind.String);
        var text = value.GetString()!;
        return string.IsNullOrWhiteSpace(text) ? throw new CompositionException(path, jsonPath, "must not be empty") : text;
    }

    /// <summary>true or false.</summary>
    public static bool Boolean(string path, JsonElement value, string jsonPath) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new CompositionException(path, jsonPath, $"expected true or false, found {value.ValueKind}"),
    };

    /// <summary>Any number that fits a decimal.</summary>
    public static decimal Number(string path, JsonElement value, string jsonPath) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            ? number
            : throw new CompositionException(path, jsonPath, $"expected a number, found {value.ValueKind}");

    /// <summary>A number not below 0.</summary>
    public static decimal NonNegative(string path, JsonElement value, string jsonPath)
    {
        var number = Number(path, value, jsonPath);
        return number >= 0
            ? number
            : throw new CompositionException(path, jsonPath, string.Create(CultureInfo.InvariantCulture, $"expected a number not below 0, found {number}"));
    }

    /// <summary>A number above 0.</summary>
    public static decimal Positive(string path, JsonElement value, string jsonPath)
    {
        var number = NonNegative(path, value, jsonPath);
        return number > 0 ? number : throw new CompositionException(path, jsonPath, "expected a positive number, found 0");
    }

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    public static int WholeNumber(string path, JsonElement value, string jsonPath, int minimum, int maximum = int.MaxValue)
    {
        var number = Number(path, value, jsonPath);
        if (number == decimal.Truncate(number) && number >= minimum && number <= maximum)
        {
            return (int)number;
        }

        var range = maximum == int.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"of at least {minimum}")
            : string.Create(CultureInfo.InvariantCulture, $"from {minimum} to {maximum}");
        throw new CompositionException(path, jsonPath, string.Create(CultureInfo.InvariantCulture, $"expected a whole number {range}, found {number}"));
    }

    /// <summary>Fails unless <paramref name="value"/> is of <paramref name="kind"/>.</summary>
    public static void Expect(string path, JsonElement value, string jsonPath, JsonValueKind kind)
    {
        if (value.ValueKind != kind)
        {
            throw new CompositionException(path, jsonPath, $"expected {Describe(kind)}, found {Describe(value.ValueKind)}");
        }
    }

    /// <summary>Fails on the first member of <paramref name="element"/> that is not in <paramref name="known"/>, listing the known ones.</summary>
    public static void RejectUnknown(string path, JsonElement element, string jsonPath, string[] known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                throw new CompositionException(path, $"{jsonPath}.{property.Name}", $"unknown key; expected one of: {string.Join(", ", known)}");
            }
        }
    }

    /// <summary>A JSON kind in words ("an object", "a string", …).</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
