namespace PluginBot.Onnx.Native;

/// <summary>
/// Decides which library file to load. An explicit path (option, then environment variable) is the only candidate
/// when given: silently falling back to another copy would hide a typo in a deployment setting. Otherwise the
/// repository layout is searched upwards from the application, so tests, the CLI and plugins all find the library
/// that <c>scripts/setup-onnxruntime.sh</c> installed without configuration.
/// </summary>
internal static class OnnxRuntimeLocator
{
    /// <summary>The candidate files in order, and where the choice came from (for error messages).</summary>
    public static (IReadOnlyList<string> Candidates, string Source) FindCandidates(OnnxRuntimeOptions options, Func<string, string?> readEnvironment)
    {
        if (!string.IsNullOrWhiteSpace(options.LibraryPath))
        {
            return ([Path.GetFullPath(options.LibraryPath)], "the configured onnxRuntimePath");
        }

        var fromEnvironment = readEnvironment(OnnxRuntime.PathVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return ([Path.GetFullPath(fromEnvironment)], $"the environment variable {OnnxRuntime.PathVariable}");
        }

        var candidates = new List<string>();
        var directory = new DirectoryInfo(options.StartDirectory ?? AppContext.BaseDirectory);
        while (directory is not null)
        {
            candidates.Add(Path.Combine(directory.FullName, OnnxRuntime.DefaultRelativePath));
            directory = directory.Parent;
        }

        return (candidates, $"the folders above {options.StartDirectory ?? AppContext.BaseDirectory}");
    }
}
