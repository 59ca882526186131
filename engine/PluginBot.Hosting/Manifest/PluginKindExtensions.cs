using PluginBot.Sdk.Plugins;

namespace PluginBot.Hosting.Manifest;

/// <summary>
/// Maps <see cref="PluginKind"/> to the names manifests use and to the SDK contract each kind implements, so the
/// manifest reader, the loader and the CLI agree on one table instead of each keeping its own switch.
/// </summary>
public static class PluginKindExtensions
{
    private static readonly (PluginKind Kind, string Name, Type Contract)[] Table =
    [
        (PluginKind.Expert, "expert", typeof(IExpert)),
        (PluginKind.RegimeDetector, "regime-detector", typeof(IRegimeDetector)),
        (PluginKind.RiskManager, "risk-manager", typeof(IRiskManager)),
        (PluginKind.PositionSizer, "position-sizer", typeof(IPositionSizer)),
        (PluginKind.ExchangeAdapter, "exchange-adapter", typeof(IExchangeAdapter)),
        (PluginKind.Strategy, "strategy", typeof(IStrategy)),
    ];

    /// <summary>Every manifest name in declaration order, for error messages that list the allowed kinds.</summary>
    public static IReadOnlyList<string> ManifestNames { get; } = Array.AsReadOnly(Table.Select(entry => entry.Name).ToArray());

    /// <summary>The spelling used in plugin.json, for example "regime-detector".</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined kind.</exception>
    public static string ToManifestName(this PluginKind kind) => Find(kind).Name;

    /// <summary>
    /// The SDK interface the plugin's entry type must implement; the loader checks the entry type against it before
    /// constructing anything, so a mislabelled plugin is refused with a clear reason.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined kind.</exception>
    public static Type ContractType(this PluginKind kind) => Find(kind).Contract;

    /// <summary>Reads a manifest spelling; exact and case-sensitive, as the JSON Schema is.</summary>
    public static bool TryParseManifestName(string? name, out PluginKind kind)
    {
        foreach (var entry in Table)
        {
            if (string.Equals(entry.Name, name, StringComparison.Ordinal))
            {
                kind = entry.Kind;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Reads a manifest spelling, or throws naming the allowed ones.</summary>
    /// <exception cref="FormatException">The name is not one of <see cref="ManifestNames"/>.</exception>
    public static PluginKind ParseManifestName(string? name) =>
        TryParseManifestName(name, out var kind)
            ? kind
            : throw new FormatException($"unknown plugin kind \"{name}\"; expected one of {string.Join(", ", ManifestNames)}");

    private static (PluginKind Kind, string Name, Type Contract) Find(PluginKind kind)
    {
        foreach (var entry in Table)
        {
            if (entry.Kind == kind)
            {
                return entry;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a defined plugin kind");
    }
}
