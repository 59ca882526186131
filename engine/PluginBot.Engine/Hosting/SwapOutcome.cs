namespace PluginBot.Engine.Hosting;

/// <summary>What became of a swap request, handed to the requester so it can release the version no longer used.</summary>
/// <typeparam name="T">The plugin interface.</typeparam>
/// <param name="Record">The swap as recorded.</param>
/// <param name="Retired">The instance no longer in the slot: the old one after a success, the refused replacement after a failed warm-up; null when none was created.</param>
public sealed record SwapOutcome<T>(SwapRecord Record, T? Retired)
    where T : class;
