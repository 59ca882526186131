namespace PluginBot.Binance;

/// <summary>A futures position from positionRisk.</summary>
/// <param name="Symbol">Exchange symbol.</param>
/// <param name="Side">BOTH, LONG or SHORT leg.</param>
/// <param name="Quantity">Signed amount: negative is short.</param>
/// <param name="EntryPrice">Average entry price.</param>
public sealed record BinancePosition(string Symbol, BinancePositionSide Side, decimal Quantity, decimal EntryPrice);
