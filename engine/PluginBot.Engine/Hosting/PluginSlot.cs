namespace PluginBot.Engine.Hosting;

/// <summary>
/// The handle through which the engine calls one plugin, so the plugin can be replaced while the engine runs.
/// Any thread may request a swap; the kernel applies it between two events after warming the replacement up,
/// so no event is handled twice or by no one, and a failed warm-up leaves the old version running.
/// Engine-owned state (positions, orders, risk state) lives outside the slot and survives every swap.
/// </summary>
/// <typeparam name="T">The plugin interface.</typeparam>
public sealed class PluginSlot<T> : IPluginSlot
    where T : class
{
    private readonly Func<T, RecentBars, string?> warmUp;
    private PendingSwap? pending;

    /// <summary>Creates a slot holding <paramref name="initial"/>.</summary>
    /// <param name="name">The slot's name in records.</param>
    /// <param name="initial">The plugin to start with (already initialised).</param>
    /// <param name="version">Its version.</param>
    /// <param name="warmUp">Primes a replacement on recent bars; returns an error to refuse the swap. Null: no warm-up.</param>
    public PluginSlot(string name, T initial, string version, Func<T, RecentBars, string?>? warmUp = null)
    {
        Name = name;
        Current = initial;
        CurrentVersion = version;
        this.warmUp = warmUp ?? ((_, _) => null);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The plugin the engine calls now.</summary>
    public T Current { get; private set; }

    /// <inheritdoc />
    public string CurrentVersion { get; private set; }

    /// <summary>Healthy, or faulted after it threw (cleared by a swap).</summary>
    public PluginHealth Health { get; private set; }

    /// <summary>The error that faulted it, with its stack.</summary>
    public string? FaultError { get; private set; }

    /// <inheritdoc />
    public bool HasPendingSwap => Volatile.Read(ref pending) is not null;

    /// <summary>
    /// Asks for <paramref name="replacement"/> (already constructed and initialised) to take over between two
    /// events. A newer request supersedes one not yet applied. <paramref name="completed"/> is called on the
    /// kernel's thread with the outcome and the retired instance.
    /// </summary>
    public void RequestSwap(T replacement, string version, Action<SwapOutcome<T>>? completed = null)
    {
        var previous = Interlocked.Exchange(ref pending, new PendingSwap(replacement, version, completed));
        previous?.Completed?.Invoke(new SwapOutcome<T>(
            new SwapRecord(default, Name, CurrentVersion, previous.Version, false, $"superseded by a request for version {version}"), previous.Replacement));
    }

    /// <summary>Marks the current plugin faulted: the engine substitutes its kind's safe behaviour until a swap.</summary>
    public void MarkFaulted(Exception exception)
    {
        Health = PluginHealth.Faulted;
        FaultError = exception.ToString();
    }

    /// <inheritdoc />
    public SwapRecord? ApplyPendingSwap(DateTime time, RecentBars history)
    {
        var request = Interlocked.Exchange(ref pending, null);
        if (request is null)
        {
            return null;
        }

        string? error;
        try
        {
            error = warmUp(request.Replacement, history);
        }
        catch (Exception exception)
        {
            error = $"warm-up threw {exception.GetType().Name}: {exception.Message}";
        }

        if (error is not null)
        {
            var refused = new SwapRecord(time, Name, CurrentVersion, request.Version, false, error);
            request.Completed?.Invoke(new SwapOutcome<T>(refused, request.Replacement));
            return refused;
        }

        var retired = Current;
        var record = new SwapRecord(time, Name, CurrentVersion, request.Version, true, null);
        Current = request.Replacement;
        CurrentVersion = request.Version;
        Health = PluginHealth.Healthy;
        FaultError = null;
        request.Completed?.Invoke(new SwapOutcome<T>(record, retired));
        return record;
    }

    private sealed record PendingSwap(T Replacement, string Version, Action<SwapOutcome<T>>? Completed);
}
