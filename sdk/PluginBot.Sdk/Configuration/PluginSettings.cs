using System.Globalization;
using System.Text.Json;

namespace PluginBot.Sdk.Configuration;

/// <summary>
/// A plugin's settings object from the strategy composition, with typed getters whose errors name the setting's
/// full path and what was expected. Defaults apply only when a setting is absent, never when it is malformed.
/// </summary>
public sealed class PluginSettings
{
    private readonly JsonElement settings;

    /// <summary>Wraps a JSON object found at <paramref name="path"/> in the composition file.</summary>
    /// <param name="settings">The settings object.</param>
    /// <param name="path">Where it is, for error messages.</param>
    /// <param name="baseDirectory">The composition file's folder, against which relative paths in settings are resolved.</param>
    /// <exception cref="PluginSettingsException">The element is not an object.</exception>
    public PluginSettings(JsonElement settings, string path, string? baseDirectory = null)
    {
        BaseDirectory = baseDirectory;
        if (settings.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
        {
            throw new PluginSettingsException(path, $"expected an object, found {settings.ValueKind}");
        }

        this.settings = settings.ValueKind == JsonValueKind.Object ? settings.Clone() : default;
        Path = path;
    }

    /// <summary>Where these settings are in the composition, for error messages.</summary>
    public string Path { get; }

    /// <summary>The composition file's folder (relative paths in settings are relative to it), when known.</summary>
    public string? BaseDirectory { get; }

    /// <summary>
    /// The settings object as JSON (undefined when none were given), for a host that validates it against the
    /// plugin's own schema and fills in the schema's defaults.
    /// </summary>
    public JsonElement Json => settings;

    /// <summary>Settings with nothing set: every getter returns its default.</summary>
    public static PluginSettings Empty { get; } = new(default, "settings");

    /// <summary>True when the setting is present.</summary>
    public bool Contains(string name) => TryGet(name, out _);

    /// <summary>An integer setting, or <paramref name="defaultValue"/> when absent.</summary>
    public int GetInt32(string name, int defaultValue, int minimum = int.MinValue, int maximum = int.MaxValue)
    {
        if (!TryGet(name, out var value))
        {
            return defaultValue;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw Problem(name, $"expected an integer, found {Describe(value)}");
        }

        return CheckRange(name, number, minimum, maximum);
    }

    /// <summary>A decimal setting, or <paramref name="defaultValue"/> when absent.</summary>
    public decimal GetDecimal(string name, decimal defaultValue, decimal minimum = decimal.MinValue, decimal maximum = decimal.MaxValue)
    {
        if (!TryGet(name, out var value))
        {
            return defaultValue;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            throw Problem(name, $"expected a number, found {Describe(value)}");
        }

        return CheckRange(name, number, minimum, maximum);
    }

    /// <summary>A floating-point setting, or <paramref name="defaultValue"/> when absent.</summary>
    public double GetDouble(string name, double defaultValue, double minimum = double.MinValue, double maximum = double.MaxValue)
    {
        if (!TryGet(name, out var value))
        {
            return defaultValue;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            throw Problem(name, $"expected a number, found {Describe(value)}");
        }

        return CheckRange(name, number, minimum, maximum);
    }

    /// <summary>A boolean setting, or <paramref name="defaultValue"/> when absent.</summary>
    public bool GetBoolean(string name, bool defaultValue)
    {
        if (!TryGet(name, out var value))
        {
            return defaultValue;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Problem(name, $"expected true or false, found {Describe(value)}"),
        };
    }

    /// <summary>
    /// A file or folder path setting: a relative path is resolved against the composition's folder, so a composition
    /// and the files it names can move together; <paramref name="defaultValue"/> when absent (not resolved).
    /// </summary>
    public string GetPath(string name, string defaultValue)
    {
        var value = GetString(name, defaultValue);
        if (!TryGet(name, out _) || value.Length == 0 || System.IO.Path.IsPathRooted(value) || BaseDirectory is null)
        {
            return value;
        }

        return System.IO.Path.GetFullPath(System.IO.Path.Combine(BaseDirectory, value));
    }

    /// <summary>A string setting, or <paramref name="defaultValue"/> when absent.</summary>
    public string GetString(string name, string defaultValue)
    {
        if (!TryGet(name, out var value))
        {
            return defaultValue;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw Problem(name, $"expected a string, found {Describe(value)}");
        }

        return value.GetString()!;
    }

    /// <summary>The names of every setting present, so a plugin can reject ones it does not know.</summary>
    public IReadOnlyList<string> Names =>
        settings.ValueKind == JsonValueKind.Object ? settings.EnumerateObject().Select(p => p.Name).ToArray() : [];

    /// <summary>Throws naming the first setting not in <paramref name="known"/>: a typo must not silently become a default.</summary>
    public void RejectUnknown(params string[] known)
    {
        foreach (var name in Names)
        {
            if (Array.IndexOf(known, name) < 0)
            {
                throw Problem(name, $"unknown setting; expected one of: {string.Join(", ", known)}");
            }
        }
    }

    private bool TryGet(string name, out JsonElement value)
    {
        value = default;
        return settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }

    private T CheckRange<T>(string name, T value, T minimum, T maximum)
        where T : IComparable<T>
    {
        if (value.CompareTo(minimum) < 0 || value.CompareTo(maximum) > 0)
        {
            throw Problem(name, string.Create(CultureInfo.InvariantCulture, $"expected a value from {minimum} to {maximum}, found {value}"));
        }

        return value;
    }

    private PluginSettingsException Problem(string name, string problem) => new($"{Path}.{name}", problem);

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString(),
    };
}
