namespace PluginBot.Hosting.Manifest;

/// <summary>One setting that does not satisfy the plugin's config schema, at its path in the settings the user wrote.</summary>
/// <param name="JsonPath">Where the bad setting is, under the settings path given to <see cref="PluginSettingsSchema.Resolve(System.Text.Json.JsonElement, string)"/>.</param>
/// <param name="Message">What was expected and what was found.</param>
public sealed record PluginSettingsError(string JsonPath, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{JsonPath}: {Message}";
}
