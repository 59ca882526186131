using System.Globalization;
using System.Text;

namespace PluginBot.Hosting;

/// <summary>
/// Watches a plugins directory by polling. A folder is reported only once it holds a plugin.json and its files
/// (names, sizes, write times) have stayed the same for the quiet period, so a half-copied folder is never
/// loaded and a burst of writes becomes one change. Polling rather than file-system events: it behaves the same
/// on every file system, including network and container mounts where events are lost.
/// </summary>
public sealed class PluginDirectoryWatcher : IDisposable
{
    private readonly string directory;
    private readonly TimeSpan quietPeriod;
    private readonly Dictionary<string, string> reported = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Candidate> candidates = new(StringComparer.Ordinal);
    private readonly object gate = new();
    private ITimer? timer;

    /// <summary>Watches <paramref name="directory"/>; a change is reported after <paramref name="quietPeriod"/> without further writes.</summary>
    public PluginDirectoryWatcher(string directory, TimeSpan quietPeriod)
    {
        this.directory = Path.GetFullPath(directory);
        this.quietPeriod = quietPeriod;
    }

    /// <summary>Raised (on the polling thread) for each settled change, in order.</summary>
    public event Action<PluginFolderChange>? Changed;

    /// <summary>Raised after every poll, for work that should happen regularly (releasing retired versions).</summary>
    public event Action? Polled;

    /// <summary>A handler's exception, caught so one failing handler neither stops the watcher nor the process.</summary>
    public event Action<Exception>? HandlerFailed;

    /// <summary>
    /// Starts polling every <paramref name="interval"/> on <paramref name="time"/>'s timer. The timer is one-shot and
    /// re-armed after each poll, so polls never overlap and changes are delivered in order.
    /// </summary>
    public void Start(TimeSpan interval, TimeProvider time)
    {
        timer = time.CreateTimer(_ =>
        {
            Poll(time.GetUtcNow().UtcDateTime);
            timer?.Change(interval, Timeout.InfiniteTimeSpan);
        }, null, interval, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Looks at the directory once at <paramref name="now"/> and returns (and raises) the changes that have
    /// settled. The folders present when first polled count as added once settled.
    /// </summary>
    public IReadOnlyList<PluginFolderChange> Poll(DateTime now)
    {
        List<PluginFolderChange> changes = [];
        lock (gate)
        {
            var present = Snapshot();
            foreach (var (folder, fingerprint) in present)
            {
                if (reported.TryGetValue(folder, out var known) && known == fingerprint)
                {
                    candidates.Remove(folder);
                    continue;
                }

                if (!candidates.TryGetValue(folder, out var candidate) || candidate.Fingerprint != fingerprint)
                {
                    // New or still being written: start (or restart) the quiet period.
                    candidates[folder] = new Candidate(fingerprint, now);
                    continue;
                }

                if (now - candidate.Since >= quietPeriod)
                {
                    changes.Add(new PluginFolderChange(reported.ContainsKey(folder) ? PluginFolderChangeKind.Changed : PluginFolderChangeKind.Added, folder));
                    reported[folder] = fingerprint;
                    candidates.Remove(folder);
                }
            }

            foreach (var folder in reported.Keys.Where(folder => !present.ContainsKey(folder)).ToList())
            {
                reported.Remove(folder);
                candidates.Remove(folder);
                changes.Add(new PluginFolderChange(PluginFolderChangeKind.Removed, folder));
            }

            foreach (var folder in candidates.Keys.Where(folder => !present.ContainsKey(folder)).ToList())
            {
                candidates.Remove(folder);
            }
        }

        foreach (var change in changes)
        {
            Raise(() => Changed?.Invoke(change));
        }

        Raise(() => Polled?.Invoke());
        return changes;
    }

    /// <inheritdoc />
    public void Dispose() => timer?.Dispose();

    private void Raise(Action raise)
    {
        try
        {
            raise();
        }
        catch (Exception exception)
        {
            HandlerFailed?.Invoke(exception);
        }
    }

    private SortedDictionary<string, string> Snapshot()
    {
        var folders = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(directory))
        {
            return folders;
        }

        foreach (var folder in Directory.EnumerateDirectories(directory))
        {
            try
            {
                if (!File.Exists(Path.Combine(folder, "plugin.json")))
                {
                    continue;
                }

                folders[folder] = Fingerprint(folder);
            }
            catch (IOException)
            {
                // Vanished or being replaced mid-scan: the next poll sees its settled state.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return folders;
    }

    private static string Fingerprint(string folder)
    {
        var text = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            text.Append(Path.GetRelativePath(folder, file)).Append('|')
                .Append(info.Length.ToString(CultureInfo.InvariantCulture)).Append('|')
                .Append(info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    private sealed record Candidate(string Fingerprint, DateTime Since);
}
