using System.Text.Json;
using System.Text.Json.Nodes;

namespace PluginBot.Hosting.Tests.Fixtures;

/// <summary>
/// Builds real plugin folders (plugin.json, compiled DLL, extra files) the way a user would drop them into the
/// plugins directory, so loader and host tests run against genuine assemblies rather than in-process types.
/// </summary>
public static class FixturePluginBuilder
{
    /// <summary>The manifest file name the host looks for.</summary>
    public const string ManifestFileName = "plugin.json";

    /// <summary>Builds <paramref name="plugin"/> into a new temporary folder; returns the folder's path.</summary>
    public static string Build(FixturePlugin plugin) => BuildInto(plugin, FixtureDirectories.Create(plugin.PluginId));

    /// <summary>
    /// Builds <paramref name="plugin"/> into <paramref name="directory"/>, overwriting files already there: this is
    /// how a test rebuilds a plugin in place. Returns <paramref name="directory"/>.
    /// </summary>
    public static string BuildInto(FixturePlugin plugin, string directory)
    {
        // Compile first: a compile error must not leave a half-written folder behind.
        var assemblyBytes = FixtureCompiler.Compile(plugin.Assembly);
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, plugin.AssemblyFileName), assemblyBytes);
        foreach (var (relativePath, bytes) in plugin.ExtraFiles)
        {
            var path = Path.Combine(directory, relativePath.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }

        File.WriteAllText(Path.Combine(directory, ManifestFileName), plugin.ManifestJson ?? CreateManifestJson(plugin));
        return directory;
    }

    /// <summary>The plugin.json the builder writes for <paramref name="plugin"/> (the repository's manifest schema).</summary>
    public static string CreateManifestJson(FixturePlugin plugin)
    {
        var manifest = new JsonObject
        {
            ["id"] = plugin.PluginId,
            ["kind"] = plugin.Kind,
            ["version"] = plugin.Version,
            ["sdkVersion"] = plugin.SdkVersionRange,
            ["assembly"] = plugin.AssemblyFileName,
            ["entryType"] = plugin.EntryTypeName,
        };
        return manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
