using System.Text;

namespace PluginBot.Hosting.Tests.Manifest;

/// <summary>A plugin folder in the temp directory, deleted when the test ends.</summary>
internal sealed class TemporaryPluginFolder : IDisposable
{
    public TemporaryPluginFolder()
    {
        Path = Directory.CreateTempSubdirectory("pluginbot-manifest-").FullName;
    }

    public string Path { get; }

    public string ManifestPath => System.IO.Path.Combine(Path, "plugin.json");

    public TemporaryPluginFolder WithManifest(string json)
    {
        File.WriteAllText(ManifestPath, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return this;
    }

    public TemporaryPluginFolder WithFile(string fileName, string content)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
