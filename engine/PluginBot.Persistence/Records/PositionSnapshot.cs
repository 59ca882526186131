namespace PluginBot.Persistence;

/// <summary>The engine's view of one position at a moment, kept so a restart can check the fills against it.</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Quantity">Signed quantity: positive long, negative short.</param>
/// <param name="AveragePrice">Average entry price of the open quantity (0 when flat).</param>
/// <param name="Time">UTC time of the snapshot.</param>
public sealed record PositionSnapshot(string Symbol, decimal Quantity, decimal AveragePrice, DateTime Time);
