namespace PluginBot.Persistence;

/// <summary>
/// A position rebuilt from the stored fills alone. Fills are the record of what really traded, so on restore this,
/// not a snapshot, is the position the engine should start from.
/// </summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Quantity">Signed quantity: positive long, negative short.</param>
/// <param name="AveragePrice">Average entry price of the open quantity (0 when flat).</param>
/// <param name="RealizedProfitLoss">Profit or loss realised by reducing trades, before fees, for a contract multiplier of 1.</param>
/// <param name="FeesPaid">Sum of the fills' fees.</param>
public sealed record RecomputedPosition(string Symbol, decimal Quantity, decimal AveragePrice, decimal RealizedProfitLoss, decimal FeesPaid);
