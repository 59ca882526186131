namespace PluginBot.Plugins.Sizing.Tests.Infrastructure;

/// <summary>Finds the repository from the test's output folder, so manifests are read from the packaged plugin folders the build wrote.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Where the build packages a plugin project, exactly as the host loads it.</summary>
    public static string PackagedPlugin(string folder) => Path.Combine(Root.Value, "artifacts", "plugins", folder);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PluginBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains PluginBot.sln.");
    }
}
