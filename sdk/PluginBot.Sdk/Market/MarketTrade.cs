namespace PluginBot.Sdk.Market;

/// <summary>One trade printed by the market (not one of ours: our executions are <see cref="Orders.Fill"/>).</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Time">UTC time of the trade.</param>
/// <param name="Price">Trade price.</param>
/// <param name="Quantity">Trade quantity in base units.</param>
/// <param name="Aggressor">Which side crossed the spread.</param>
public readonly record struct MarketTrade(string Symbol, DateTime Time, decimal Price, decimal Quantity, AggressorSide Aggressor);
