using System.Globalization;

namespace PluginBot.Models.Registry;

/// <summary>
/// Version numbers as folder names: "v" and four digits ("v0001"), so folders sort in version order in any file
/// browser and a version can be typed either way ("v3", "3", "v0003") on the command line.
/// </summary>
public static class ModelVersionLabel
{
    /// <summary>Formats 3 as "v0003".</summary>
    public static string Format(int version)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return "v" + version.ToString("D4", CultureInfo.InvariantCulture);
    }

    /// <summary>Reads "v0003", "v3" or "3".</summary>
    public static bool TryParse(string? text, out int version)
    {
        version = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var digits = text.StartsWith('v') || text.StartsWith('V') ? text[1..] : text;
        return digits.Length > 0
            && digits.All(char.IsAsciiDigit)
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out version)
            && version >= 1;
    }

    /// <summary>Reads a version, failing with a message that shows the accepted spellings.</summary>
    /// <exception cref="FormatException">The text is not a version.</exception>
    public static int Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a model version: expected v0001, v1 or 1.");
}
