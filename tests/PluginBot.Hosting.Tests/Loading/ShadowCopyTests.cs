using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using PluginBot.Hosting.Loading;
using PluginBot.Hosting.Tests.Fixtures;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Hosting.Tests.Loading;

public sealed class ShadowCopyTests
{
    private readonly string shadowRoot = FixtureDirectories.Create("shadow");

    [Fact]
    public void Compute_OneFile_IsTheSha256OfPathNulLengthAndBytes()
    {
        var folder = FixtureDirectories.Create("hash");
        File.WriteAllText(Path.Combine(folder, "a.txt"), "xyz");
        var expectedInput = new List<byte>(Encoding.UTF8.GetBytes("a.txt")) { 0 };
        var length = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(length, 3);
        expectedInput.AddRange(length);
        expectedInput.AddRange("xyz"u8.ToArray());

        var hash = PluginContentHash.Compute(folder);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expectedInput.ToArray())), hash);
    }

    [Fact]
    public void Compute_SameBytesUnderAnotherName_GivesAnotherHash()
    {
        var first = FixtureDirectories.Create("hash");
        var second = FixtureDirectories.Create("hash");
        File.WriteAllText(Path.Combine(first, "a.dll"), "same");
        File.WriteAllText(Path.Combine(second, "b.dll"), "same");

        Assert.NotEqual(PluginContentHash.Compute(first), PluginContentHash.Compute(second));
    }

    [Fact]
    public void Copy_SameContentTwice_ReusesOneFolderNamedAfterVersionAndHash()
    {
        var source = SourceFolder(("plugin.json", "{}"), ("lib/Dependency.dll", "dependency"));
        var copier = new ShadowCopier(shadowRoot);

        var first = copier.Copy("my-plugin", "1.2.3", source);
        var second = copier.Copy("my-plugin", "1.2.3", source);

        Assert.Equal(first, second);
        Assert.Equal(Path.Combine(shadowRoot, "my-plugin", "1.2.3-" + PluginContentHash.Compute(source)[..12]), first);
        Assert.Equal("dependency", File.ReadAllText(Path.Combine(first, "lib", "Dependency.dll")));
        Assert.Single(Directory.GetDirectories(Path.Combine(shadowRoot, "my-plugin")));
    }

    [Fact]
    public void Copy_AfterOneFileChanged_CopiesToANewFolderAndKeepsTheOld()
    {
        var source = SourceFolder(("Plugin.dll", "build 1"));
        var copier = new ShadowCopier(shadowRoot);
        var first = copier.Copy("my-plugin", "1.0.0", source);

        File.WriteAllText(Path.Combine(source, "Plugin.dll"), "build 2");
        var second = copier.Copy("my-plugin", "1.0.0", source);

        Assert.NotEqual(first, second);
        Assert.Equal("build 1", File.ReadAllText(Path.Combine(first, "Plugin.dll")));
        Assert.Equal("build 2", File.ReadAllText(Path.Combine(second, "Plugin.dll")));
    }

    [Fact]
    public void Copy_ShadowFolderEditedAfterwards_IsRecopiedFromTheSource()
    {
        var source = SourceFolder(("Plugin.dll", "original"));
        var copier = new ShadowCopier(shadowRoot);
        var first = copier.Copy("my-plugin", "1.0.0", source);
        File.WriteAllText(Path.Combine(first, "Plugin.dll"), "tampered");

        var second = copier.Copy("my-plugin", "1.0.0", source);

        Assert.Equal(first, second);
        Assert.Equal("original", File.ReadAllText(Path.Combine(second, "Plugin.dll")));
    }

    [Fact]
    public void RemoveStaleCopies_RemovesUnusedCopiesAndLeavesFoldersInUseAndForeignFolders()
    {
        var source = SourceFolder(("Plugin.dll", "build 1"));
        var copier = new ShadowCopier(shadowRoot);
        var old = copier.Copy("my-plugin", "1.0.0", source);
        File.WriteAllText(Path.Combine(source, "Plugin.dll"), "build 2");
        var current = copier.Copy("my-plugin", "1.0.0", source);
        var foreign = Directory.CreateDirectory(Path.Combine(shadowRoot, "my-plugin", "notes")).FullName;

        var removed = copier.RemoveStaleCopies("my-plugin", [current]);

        Assert.Equal([old], removed);
        Assert.False(Directory.Exists(old));
        Assert.True(Directory.Exists(current));
        Assert.True(Directory.Exists(foreign));
    }

    [Fact]
    public void RemoveStaleCopies_PluginNeverCopied_RemovesNothing()
    {
        Assert.Empty(new ShadowCopier(shadowRoot).RemoveStaleCopies("never-copied", []));
    }

    [Fact]
    public void Load_PluginRebuiltInPlaceWithTheSameVersion_RunsTheNewCode()
    {
        var build1 = Strategy(confidence: 0.1);
        var build2 = Strategy(confidence: 0.2);
        var folder = FixturePluginBuilder.Build(build1);
        using var loaded1 = PluginAssemblyLoader.Load(FixtureLoadRequests.For(build1, folder, typeof(IStrategy), shadowRoot));
        var strategy1 = (IStrategy)loaded1.CreateInstance();

        FixturePluginBuilder.BuildInto(build2, folder);
        using var loaded2 = PluginAssemblyLoader.Load(FixtureLoadRequests.For(build2, folder, typeof(IStrategy), shadowRoot));
        var strategy2 = (IStrategy)loaded2.CreateInstance();

        Assert.Equal(Signal.Long(0.2), strategy2.OnBar(LoadingTestBars.Sample));
        Assert.Equal(Signal.Long(0.1), strategy1.OnBar(LoadingTestBars.Sample));
        Assert.NotEqual(loaded1.ShadowDirectory, loaded2.ShadowDirectory);
    }

    [Fact]
    public void Load_WhileTheStrategyRuns_LoadsOnlyFromTheShadowCopySoTheOriginalCanBeDeleted()
    {
        var plugin = Strategy(confidence: 0.4);
        var folder = FixturePluginBuilder.Build(plugin);
        using var loaded = PluginAssemblyLoader.Load(FixtureLoadRequests.For(plugin, folder, typeof(IStrategy), shadowRoot));
        var strategy = (IStrategy)loaded.CreateInstance();

        File.Delete(Path.Combine(folder, plugin.AssemblyFileName));
        Directory.Delete(folder, recursive: true);

        Assert.False(Directory.Exists(folder));
        Assert.Equal(Signal.Long(0.4), strategy.OnBar(LoadingTestBars.Sample));
        Assert.Equal(Path.Combine(loaded.ShadowDirectory, plugin.AssemblyFileName), loaded.Assembly.Location);
        Assert.StartsWith(shadowRoot, loaded.ShadowDirectory, StringComparison.Ordinal);
    }

    private static string SourceFolder(params (string RelativePath, string Content)[] files)
    {
        var folder = FixtureDirectories.Create("source");
        foreach (var (relativePath, content) in files)
        {
            var path = Path.Combine(folder, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        return folder;
    }

    private static FixturePlugin Strategy(double confidence) =>
        new(
            "rebuilt-strategy",
            "1.0.0",
            new FixtureAssembly("Fixture.Rebuilt", FixtureSources.ConstantLongStrategy("Fixture.Rebuilt", "RebuiltStrategy", confidence)),
            "Fixture.Rebuilt.RebuiltStrategy");
}
