namespace PluginBot.Hosting.Manifest;

/// <summary>
/// A plugin.json is missing or invalid. The message holds every error, one per line, as
/// "&lt;manifest path&gt;: &lt;json path&gt;: &lt;message&gt;", the shape compilers use, so editors and terminals can
/// jump to the file and users fix everything in one pass.
/// </summary>
public sealed class PluginManifestException : Exception
{
    /// <summary>Creates the exception for the manifest at <paramref name="manifestPath"/>.</summary>
    /// <exception cref="ArgumentException">There are no errors: an exception without a reason would hide the cause.</exception>
    public PluginManifestException(string manifestPath, IReadOnlyList<ManifestError> errors)
        : base(FormatMessage(manifestPath, errors))
    {
        ManifestPath = manifestPath;
        Errors = errors;
    }

    /// <summary>Absolute path of the plugin.json concerned.</summary>
    public string ManifestPath { get; }

    /// <summary>Every problem found, never empty.</summary>
    public IReadOnlyList<ManifestError> Errors { get; }

    private static string FormatMessage(string manifestPath, IReadOnlyList<ManifestError> errors)
    {
        ArgumentNullException.ThrowIfNull(manifestPath);
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("a manifest exception needs at least one error", nameof(errors));
        }

        return string.Join('\n', errors.Select(error => $"{manifestPath}: {error.JsonPath}: {error.Message}"));
    }
}
