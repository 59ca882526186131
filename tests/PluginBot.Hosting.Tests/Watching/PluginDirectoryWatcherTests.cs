using PluginBot.Hosting;

namespace PluginBot.Hosting.Tests.Watching;

public sealed class PluginDirectoryWatcherTests : IDisposable
{
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);
    private readonly string root = Path.Combine(Path.GetTempPath(), "pluginbot-watch-" + Guid.NewGuid().ToString("N"));

    public PluginDirectoryWatcherTests() => Directory.CreateDirectory(root);

    [Fact]
    public void Poll_NewFolder_IsReportedOnlyAfterItStaysUnchangedForTheQuietPeriod()
    {
        using var watcher = new PluginDirectoryWatcher(root, Quiet);
        var folder = WritePlugin("alpha", "v1");

        Assert.Empty(watcher.Poll(Start));
        Assert.Empty(watcher.Poll(Start.AddSeconds(1)));
        var change = Assert.Single(watcher.Poll(Start.AddSeconds(2)));

        Assert.Equal(new PluginFolderChange(PluginFolderChangeKind.Added, folder), change);
        Assert.Empty(watcher.Poll(Start.AddSeconds(3)));
    }

    [Fact]
    public void Poll_FolderStillBeingWritten_RestartsTheQuietPeriodOnEveryWrite()
    {
        using var watcher = new PluginDirectoryWatcher(root, Quiet);
        var folder = WritePlugin("alpha", "v1");
        watcher.Poll(Start);

        File.WriteAllText(Path.Combine(folder, "Alpha.Dependency.dll"), "half of a file");
        Assert.Empty(watcher.Poll(Start.AddSeconds(2)));
        File.AppendAllText(Path.Combine(folder, "Alpha.Dependency.dll"), " and the rest");
        Assert.Empty(watcher.Poll(Start.AddSeconds(3)));

        Assert.Single(watcher.Poll(Start.AddSeconds(5)));
    }

    [Fact]
    public void Poll_FolderWithoutManifest_IsNeverReported()
    {
        using var watcher = new PluginDirectoryWatcher(root, Quiet);
        var folder = Directory.CreateDirectory(Path.Combine(root, "copying")).FullName;
        File.WriteAllText(Path.Combine(folder, "Copying.dll"), "bytes");

        watcher.Poll(Start);

        Assert.Empty(watcher.Poll(Start.AddMinutes(1)));
    }

    [Fact]
    public void Poll_ReplacedAndRemovedFolders_AreReportedAsChangedAndRemoved()
    {
        using var watcher = new PluginDirectoryWatcher(root, Quiet);
        var folder = WritePlugin("alpha", "v1");
        watcher.Poll(Start);
        watcher.Poll(Start.AddSeconds(2));

        WritePlugin("alpha", "version two, longer");
        watcher.Poll(Start.AddSeconds(3));
        var changed = Assert.Single(watcher.Poll(Start.AddSeconds(5)));
        Directory.Delete(folder, recursive: true);
        var removed = Assert.Single(watcher.Poll(Start.AddSeconds(6)));

        Assert.Equal(new PluginFolderChange(PluginFolderChangeKind.Changed, folder), changed);
        Assert.Equal(new PluginFolderChange(PluginFolderChangeKind.Removed, folder), removed);
    }

    [Fact]
    public void Poll_SettledChange_RaisesTheChangedEvent()
    {
        using var watcher = new PluginDirectoryWatcher(root, Quiet);
        var raised = new List<PluginFolderChange>();
        watcher.Changed += raised.Add;
        WritePlugin("alpha", "v1");

        watcher.Poll(Start);
        watcher.Poll(Start.AddSeconds(2));

        Assert.Equal(PluginFolderChangeKind.Added, Assert.Single(raised).Kind);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string WritePlugin(string name, string content)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "plugin.json"), "{}");
        File.WriteAllText(Path.Combine(folder, name + ".dll"), content);
        return folder;
    }
}
