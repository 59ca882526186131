namespace PluginBot.Binance.FakeServer;

/// <summary>A futures position on the fake exchange.</summary>
/// <param name="Symbol">Symbol.</param>
/// <param name="Side">Position side.</param>
/// <param name="Quantity">Signed amount.</param>
/// <param name="EntryPrice">Average entry price.</param>
public sealed record FakePosition(string Symbol, BinancePositionSide Side, decimal Quantity, decimal EntryPrice);
