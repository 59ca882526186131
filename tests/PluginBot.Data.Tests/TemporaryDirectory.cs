namespace PluginBot.Data.Tests;

/// <summary>A private directory for the small hand-written files of one test, deleted afterwards.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("pluginbot-data-tests-");

    /// <summary>Writes <paramref name="lines"/> (joined with '\n' and a final newline) to a file and returns its path.</summary>
    public string Write(string fileName, params string[] lines)
    {
        var path = Path.Combine(directory.FullName, fileName);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    /// <summary>The path a file of that name would have, without creating it.</summary>
    public string PathOf(string fileName) => Path.Combine(directory.FullName, fileName);

    public void Dispose() => directory.Delete(recursive: true);
}
