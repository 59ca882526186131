namespace PluginBot.Persistence;

/// <summary>
/// One decision record. The record itself is kept as JSON text, so fields the engine adds to its decision records later
/// are stored and returned without a schema change here.
/// </summary>
/// <param name="Sequence">Store-wide increasing number; page with "decisions after sequence N".</param>
/// <param name="Strategy">The strategy that decided.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Time">UTC time of the decision.</param>
/// <param name="RecordJson">The engine's decision record serialised as JSON.</param>
public sealed record StoredDecision(long Sequence, string Strategy, string Symbol, DateTime Time, string RecordJson);
