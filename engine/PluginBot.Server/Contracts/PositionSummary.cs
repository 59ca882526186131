namespace PluginBot.Server.Contracts;

/// <summary>One open position of a strategy.</summary>
/// <param name="Strategy">The strategy holding it.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Quantity">Signed quantity: positive long, negative short.</param>
/// <param name="AveragePrice">Average entry price.</param>
/// <param name="MarketPrice">The last price it was marked at.</param>
/// <param name="UnrealizedProfitLoss">Profit or loss if closed at the market price.</param>
public sealed record PositionSummary(string Strategy, string Symbol, decimal Quantity, decimal AveragePrice, decimal MarketPrice, decimal UnrealizedProfitLoss);
