namespace PluginBot.Binance.FakeServer;

/// <summary>A symbol the fake exchange lists, with the filters its exchangeInfo reports and its order checks enforce.</summary>
/// <param name="Symbol">For example BTCUSDT.</param>
/// <param name="BaseAsset">For example BTC.</param>
/// <param name="QuoteAsset">For example USDT.</param>
/// <param name="TickSize">PRICE_FILTER tickSize.</param>
/// <param name="StepSize">LOT_SIZE stepSize.</param>
/// <param name="MinimumQuantity">LOT_SIZE minQty.</param>
/// <param name="MinimumNotional">MIN_NOTIONAL / NOTIONAL.</param>
public sealed record FakeSymbol(string Symbol, string BaseAsset, string QuoteAsset, decimal TickSize, decimal StepSize, decimal MinimumQuantity, decimal MinimumNotional);
