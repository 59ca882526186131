namespace PluginBot.Server.Contracts;

/// <summary>What flattening a strategy did: the orders sent to close its positions (none when already flat).</summary>
/// <param name="Strategy">The strategy.</param>
/// <param name="ClientOrderIds">The closing orders, one per open position.</param>
public sealed record FlattenResult(string Strategy, IReadOnlyList<string> ClientOrderIds);
