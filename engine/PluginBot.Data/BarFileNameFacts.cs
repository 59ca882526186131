using PluginBot.Sdk.Market;

namespace PluginBot.Data;

/// <summary>What a bar file's name says about its contents; each part is null when the name does not say.</summary>
/// <param name="Symbol">The instrument, upper case, for example "BTCUSDT" or "BTCUSD_PERP".</param>
/// <param name="Interval">The bar length named by a resolution word (minute, hour, daily) or a Binance interval token (1m, 4h).</param>
/// <param name="Market">The venue in lower case as Lean's symbol-properties files spell it, for example "binance" or "coinbase".</param>
public sealed record BarFileNameFacts(string? Symbol, BarInterval? Interval, string? Market);
