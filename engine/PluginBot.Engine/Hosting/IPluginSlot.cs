namespace PluginBot.Engine.Hosting;

/// <summary>The kernel's view of a slot: it applies pending swaps between two events, never during one.</summary>
public interface IPluginSlot
{
    /// <summary>The slot's name in records, for example "strategy".</summary>
    string Name { get; }

    /// <summary>The version running now.</summary>
    string CurrentVersion { get; }

    /// <summary>True when a swap was requested and not yet applied (cheap: checked before every event).</summary>
    bool HasPendingSwap { get; }

    /// <summary>Applies the pending swap, if any: warms the replacement up on <paramref name="history"/> first and keeps the old version on failure.</summary>
    SwapRecord? ApplyPendingSwap(DateTime time, RecentBars history);

    /// <summary>The instance the slot runs now (so a host can tell whether an old version is still in use).</summary>
    object CurrentInstance { get; }

    /// <summary>Drops a requested swap that can no longer be applied, completing it as refused with <paramref name="reason"/>.</summary>
    void CancelPendingSwap(string reason);
}
