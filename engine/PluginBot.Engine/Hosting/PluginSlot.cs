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
    private readonly Func<T, T, RecentBars, string?> takeOver;
    private PendingSwap? pending;

    /// <summary>Creates a slot holding <paramref name="initial"/>.</summary>
    /// <param name="name">The slot's name in records.</param>
    /// <param name="initial">The plugin to start with (already initialised).</param>
    /// <param name="version">Its version.</param>
    /// <param name="takeOver">
    /// Prepares a replacement to take over from the current instance (carry state, warm up on recent bars); returns a
    /// note for the swap record, and throws to refuse the swap. Null: nothing to prepare.
    /// </param>
    public PluginSlot(string name, T initial, string version, Func<T, T, RecentBars, string?>? takeOver = null)
    {
        Name = name;
        Current = initial;
        CurrentVersion = version;
        this.takeOver = takeOver ?? ((_, _, _) => null);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The plugin the engine calls now.</summary>
    public T Current { get; private set; }

    /// <inheritdoc />
    public string CurrentVersion { get; private set; }

    /// <summary>
    /// Renames the running version without a swap: a composite strategy (the expert committee) whose member was
    /// swapped is a new version of itself, and decision records must say so. Engine thread only.
    /// </summary>
    internal void Relabel(string version) => CurrentVersion = version;

    /// <inheritdoc />
    public object CurrentInstance => Current;

    /// <summary>Healthy, or faulted after it threw (cleared by a swap).</summary>
    public PluginHealth Health { get; private set; }

    /// <summary>The error that faulted it, with its stack.</summary>
    public string? FaultError { get; private set; }

    /// <inheritdoc />
    public bool HasPendingSwap => Volatile.Read(ref pending) is not null;

    /// <summary>
    /// Asks for <paramref name="replacement"/> (already constructed and initialised) to take over between two
    /// events. A newer request supersedes one not yet applied. <paramref name="completed"/> is called with the
    /// outcome and the retired instance (on the kernel's thread, or on the caller's when superseded or cancelled).
    /// </summary>
    public void RequestSwap(T replacement, string version, Action<SwapOutcome<T>>? completed = null) =>
        RequestSwap(() => replacement, version, completed);

    /// <summary>
    /// Asks for an instance from <paramref name="create"/> to take over between two events. The factory runs on the
    /// kernel's thread, between events, so a plugin's constructor and initialisation never race the engine; if it
    /// or the warm-up throws, the swap is refused (with the error and its stack) and the old version keeps running.
    /// </summary>
    public void RequestSwap(Func<T> create, string version, Action<SwapOutcome<T>>? completed = null)
    {
        var previous = Interlocked.Exchange(ref pending, new PendingSwap(create, version, completed));
        previous?.Completed?.Invoke(new SwapOutcome<T>(
            new SwapRecord(default, Name, CurrentVersion, previous.Version, false, $"superseded by a request for version {version}"), null));
    }

    /// <summary>Drops a swap not yet applied (the session ended), telling its requester.</summary>
    public void CancelPendingSwap(string reason)
    {
        var request = Interlocked.Exchange(ref pending, null);
        request?.Completed?.Invoke(new SwapOutcome<T>(new SwapRecord(default, Name, CurrentVersion, request.Version, false, reason), null));
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

        T? replacement = null;
        string? error = null;
        string? note = null;
        try
        {
            replacement = request.Create();
            note = takeOver(Current, replacement, history);
        }
        catch (Exception exception)
        {
            // The text, with its stack, not the exception: an exception of a plugin type would pin its load context.
            error = replacement is null ? $"creating the new version threw {exception}" : $"warm-up threw {exception}";
        }

        if (error is not null || replacement is null)
        {
            var refused = new SwapRecord(time, Name, CurrentVersion, request.Version, false, error ?? "the factory returned no instance");
            request.Completed?.Invoke(new SwapOutcome<T>(refused, replacement));
            return refused;
        }

        var retired = Current;
        var record = new SwapRecord(time, Name, CurrentVersion, request.Version, true, null, note);
        Current = replacement;
        CurrentVersion = request.Version;
        Health = PluginHealth.Healthy;
        FaultError = null;
        request.Completed?.Invoke(new SwapOutcome<T>(record, retired));
        return record;
    }

    private sealed record PendingSwap(Func<T> Create, string Version, Action<SwapOutcome<T>>? Completed);
}
