using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PluginBot.Hosting.Manifest;

/// <summary>
/// The SDK versions a plugin accepts, from the manifest's <c>sdkVersion</c> ("^1.0", "1.2", "^1.2.3").
/// The SDK follows SemVer: a minor release only adds contracts, a major release may break them. So a plugin built
/// against SDK 1.2 runs on any host with SDK 1.2 or a later 1.x, and never on 2.x or on 1.1 (which lacks what it may
/// call). The caret is optional and the bare form means the same; the patch is kept for display but does not
/// decide compatibility, because patches never change contracts.
/// </summary>
public sealed partial class SdkVersionRange : IEquatable<SdkVersionRange>
{
    private SdkVersionRange(string text, int major, int minor, int? patch)
    {
        Text = text;
        Major = major;
        Minor = minor;
        Patch = patch;
    }

    /// <summary>The text as written in the manifest.</summary>
    public string Text { get; }

    /// <summary>The SDK major version the plugin was built for; the host's must be equal.</summary>
    public int Major { get; }

    /// <summary>The lowest SDK minor version the plugin needs; the host's must not be lower.</summary>
    public int Minor { get; }

    /// <summary>The patch, when written; informational only.</summary>
    public int? Patch { get; }

    /// <summary>Parses a range in the form the manifest schema allows.</summary>
    /// <exception cref="FormatException">The text is not "^MAJOR.MINOR", "MAJOR.MINOR" or either with ".PATCH".</exception>
    public static SdkVersionRange Parse(string text) =>
        TryParse(text, out var range)
            ? range
            : throw new FormatException($"expected an SDK version range such as ^1.0, found \"{text}\"");

    /// <summary>Parses a range, returning false instead of throwing for malformed text.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SdkVersionRange? range)
    {
        range = null;
        if (text is null)
        {
            return false;
        }

        var match = RangePattern().Match(text);
        if (!match.Success
            || !int.TryParse(match.Groups["major"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(match.Groups["minor"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        int? patch = null;
        if (match.Groups["patch"].Success)
        {
            if (!int.TryParse(match.Groups["patch"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedPatch))
            {
                return false;
            }

            patch = parsedPatch;
        }

        range = new SdkVersionRange(text, major, minor, patch);
        return true;
    }

    /// <summary>
    /// True when a host whose SDK assembly has version <paramref name="hostSdk"/> can run the plugin: same major,
    /// and the plugin's minor not above the host's.
    /// </summary>
    public bool IsSatisfiedBy(Version hostSdk)
    {
        ArgumentNullException.ThrowIfNull(hostSdk);
        return hostSdk.Major == Major && Minor <= hostSdk.Minor;
    }

    /// <summary>
    /// A sentence fragment for refusals and listings, for example "SDK 1.2 or a later 1.x (^1.2)", so the user sees
    /// what the plugin needs next to what the host has.
    /// </summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"SDK {Major}.{Minor} or a later {Major}.x ({Text})");

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>Two ranges are equal when they accept the same hosts and are written with the same patch.</summary>
    public bool Equals(SdkVersionRange? other) =>
        other is not null && Major == other.Major && Minor == other.Minor && Patch == other.Patch;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SdkVersionRange);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch);

    // The same grammar as plugin.schema.json's sdkVersion pattern, so a manifest that passed the schema always parses.
    [GeneratedRegex(@"^\^?(?<major>0|[1-9][0-9]*)\.(?<minor>0|[1-9][0-9]*)(\.(?<patch>0|[1-9][0-9]*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex RangePattern();
}
