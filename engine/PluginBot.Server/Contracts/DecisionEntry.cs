using System.Text.Json;

namespace PluginBot.Server.Contracts;

/// <summary>One decision record of the audit trail. The record is passed through as JSON, so new engine fields reach clients unchanged.</summary>
/// <param name="Sequence">Increasing number; ask for "after" the last one seen to page.</param>
/// <param name="Time">When the decision was taken.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Record">The engine's decision record.</param>
public sealed record DecisionEntry(long Sequence, DateTime Time, string Symbol, JsonElement Record);
