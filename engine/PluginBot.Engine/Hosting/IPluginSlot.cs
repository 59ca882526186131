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
}
