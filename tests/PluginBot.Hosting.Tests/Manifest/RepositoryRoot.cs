namespace PluginBot.Hosting.Tests.Manifest;

/// <summary>Finds the repository root (the folder holding PluginBot.sln) from the test output folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "PluginBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no PluginBot.sln above {AppContext.BaseDirectory}");
    }
}
