using System.Text.Json;
using PluginBot.Sdk.Configuration;

namespace PluginBot.Hosting.Manifest;

/// <summary>
/// A plugin's settings after the schema's defaults were applied, with every problem the schema found. The host
/// refuses to construct a plugin whose settings have errors, so a typo never silently runs on a default.
/// </summary>
/// <param name="Settings">The settings object with defaults added for absent top-level properties (detached from any document).</param>
/// <param name="Errors">Every problem; empty when the settings are valid.</param>
public sealed record PluginSettingsResolution(JsonElement Settings, IReadOnlyList<PluginSettingsError> Errors)
{
    /// <summary>True when the settings satisfy the plugin's config schema.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>The merged settings as compact JSON text, for logs and for handing across a load-context boundary.</summary>
    public string SettingsJson => Settings.GetRawText();

    /// <summary>
    /// The merged settings, or the SDK's <see cref="PluginSettingsException"/> (the exception the engine already
    /// reports as bad input) whose message lists every error, one per line.
    /// </summary>
    /// <exception cref="PluginSettingsException">The settings have errors.</exception>
    public JsonElement GetSettingsOrThrow()
    {
        if (IsValid)
        {
            return Settings;
        }

        var first = Errors[0];
        var rest = string.Concat(Errors.Skip(1).Select(error => $"\n{error.JsonPath}: {error.Message}"));
        throw new PluginSettingsException(first.JsonPath, first.Message + rest);
    }
}
