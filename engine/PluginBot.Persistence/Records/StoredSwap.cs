namespace PluginBot.Persistence;

/// <summary>One hot swap, kept as the engine's swap record serialised as JSON so new fields need no schema change.</summary>
/// <param name="Sequence">Store-wide increasing number.</param>
/// <param name="Time">UTC time of the swap.</param>
/// <param name="RecordJson">The engine's swap record as JSON.</param>
public sealed record StoredSwap(long Sequence, DateTime Time, string RecordJson);
