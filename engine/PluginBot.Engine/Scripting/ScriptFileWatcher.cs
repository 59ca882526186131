namespace PluginBot.Engine.Scripting;

/// <summary>
/// Watches one script file by polling its size and write time. A save is reported once the file has stayed the
/// same for the quiet period, so an editor's write-then-rename or a burst of saves becomes one recompile, and a
/// half-written file is never compiled. Polling behaves the same on every file system.
/// </summary>
public sealed class ScriptFileWatcher : IDisposable
{
    private readonly string path;
    private readonly TimeSpan quietPeriod;
    private readonly object gate = new();
    private (long Length, long WriteTicks)? reported;
    private (long Length, long WriteTicks)? candidate;
    private DateTime candidateSince;
    private ITimer? timer;

    /// <summary>Watches <paramref name="path"/>; the version present now counts as already seen.</summary>
    public ScriptFileWatcher(string path, TimeSpan quietPeriod)
    {
        this.path = Path.GetFullPath(path);
        this.quietPeriod = quietPeriod;
        reported = Fingerprint();
    }

    /// <summary>Raised (on the polling thread) when a save has settled.</summary>
    public event Action<string>? Saved;

    /// <summary>A handler's exception, caught so the watcher keeps watching.</summary>
    public event Action<Exception>? HandlerFailed;

    /// <summary>Polls every <paramref name="interval"/>; polls never overlap.</summary>
    public void Start(TimeSpan interval, TimeProvider time)
    {
        timer = time.CreateTimer(_ =>
        {
            Poll(time.GetUtcNow().UtcDateTime);
            timer?.Change(interval, Timeout.InfiniteTimeSpan);
        }, null, interval, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Looks at the file once at <paramref name="now"/>; true (and <see cref="Saved"/> raised) when a save has settled.</summary>
    public bool Poll(DateTime now)
    {
        bool settled;
        lock (gate)
        {
            var current = Fingerprint();
            settled = false;
            if (current is null || current == reported)
            {
                candidate = null;
            }
            else if (current != candidate)
            {
                candidate = current;
                candidateSince = now;
            }
            else if (now - candidateSince >= quietPeriod)
            {
                reported = current;
                candidate = null;
                settled = true;
            }
        }

        if (settled)
        {
            try
            {
                Saved?.Invoke(path);
            }
            catch (Exception exception)
            {
                HandlerFailed?.Invoke(exception);
            }
        }

        return settled;
    }

    /// <inheritdoc />
    public void Dispose() => timer?.Dispose();

    private (long Length, long WriteTicks)? Fingerprint()
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc.Ticks) : null;
    }
}
