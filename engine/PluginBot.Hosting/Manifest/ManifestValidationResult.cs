namespace PluginBot.Hosting.Manifest;

/// <summary>
/// The outcome of validating a plugin folder: the manifest when it is valid, otherwise every problem found. Used by
/// callers that report rather than throw, such as <c>pluginbot plugins validate</c> and the plugin listing.
/// </summary>
/// <param name="ManifestPath">Absolute path of the plugin.json that was (or would have been) read.</param>
/// <param name="Manifest">The manifest, or null when there is any error.</param>
/// <param name="Errors">Every problem, in file order where the order is known; empty when valid.</param>
public sealed record ManifestValidationResult(string ManifestPath, PluginManifest? Manifest, IReadOnlyList<ManifestError> Errors)
{
    /// <summary>True when the manifest can be used.</summary>
    public bool IsValid => Manifest is not null && Errors.Count == 0;

    /// <summary>The manifest, or a <see cref="PluginManifestException"/> listing every error.</summary>
    /// <exception cref="PluginManifestException">The manifest is invalid.</exception>
    public PluginManifest GetManifestOrThrow() =>
        IsValid ? Manifest! : throw new PluginManifestException(ManifestPath, Errors);
}
