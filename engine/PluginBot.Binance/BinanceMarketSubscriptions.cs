using PluginBot.Sdk.Market;

namespace PluginBot.Binance;

/// <summary>Which public streams a <see cref="BinanceMarketStream"/> carries.</summary>
/// <param name="Klines">Symbol and interval pairs for kline streams.</param>
/// <param name="BookTickers">Symbols for best bid/ask.</param>
/// <param name="AggregateTrades">Symbols for aggregated trades.</param>
public sealed record BinanceMarketSubscriptions(
    IReadOnlyList<(string Symbol, BarInterval Interval)> Klines,
    IReadOnlyList<string> BookTickers,
    IReadOnlyList<string> AggregateTrades);
