namespace PluginBot.Hosting.Manifest;

/// <summary>
/// One problem in a plugin.json. The path lets a user find the spot in the file, and keeping every problem as its
/// own value lets the reader report them all at once instead of one per edit-and-retry round.
/// </summary>
/// <param name="JsonPath">Where the problem is, in JSONPath form: "$" for the whole file, "$.version", "$.configSchema.properties.period.default".</param>
/// <param name="Message">What is wrong and, where it helps, what was expected and what was found.</param>
public sealed record ManifestError(string JsonPath, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{JsonPath}: {Message}";
}
