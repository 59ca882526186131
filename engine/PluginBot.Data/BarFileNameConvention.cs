using PluginBot.Sdk.Market;

namespace PluginBot.Data;

/// <summary>
/// Reads symbol, interval and venue from the two file-name shapes the project ships, so a user can drop a file in and
/// read it without options:
/// <list type="bullet">
/// <item><description>
/// Binance's own archive names, <c>SYMBOL-INTERVAL-YYYY-MM[-DD].csv</c>: <c>BTCUSDT-1m-2024-01.csv</c> is BTCUSDT, 1m, binance;
/// <c>BTCUSD_PERP-1m-2024-01.csv</c> is BTCUSD_PERP.
/// </description></item>
/// <item><description>
/// The converted Lean names, <c>[venue_][qualifier_]symbol-words_resolution_…</c>, where the resolution word is
/// second, minute, hour, daily or day. The venue (binance, binanceus, coinbase, kraken, bitfinex, bybit, okx) is
/// dropped from the symbol and becomes the market; a following qualifier (futures, spot, usdm, coinm) is dropped too;
/// the remaining words before the resolution are joined with '_' and upper-cased. So
/// <c>binance_futures_btcusd_perp_minute_trade_20221213_UTC.csv</c> is BTCUSD_PERP (Binance's own name for the
/// COIN-M perpetual) on binance, and <c>spy_minute_trade_20230803_ET.csv</c> is SPY with no market.
/// </description></item>
/// </list>
/// </summary>
public static class BarFileNameConvention
{
    private static readonly string[] Venues = ["binance", "binanceus", "coinbase", "kraken", "bitfinex", "bybit", "okx"];

    private static readonly string[] VenueQualifiers = ["futures", "spot", "usdm", "coinm"];

    /// <summary>Infers what the name of <paramref name="path"/> says; directories and the extension are ignored.</summary>
    public static BarFileNameFacts Infer(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileNameWithoutExtension(path);
        return TryInferBinanceArchiveName(name) ?? InferLeanName(name);
    }

    private static BarFileNameFacts? TryInferBinanceArchiveName(string name)
    {
        var parts = name.Split('-');
        if (parts.Length < 3 || parts[0].Length == 0 || !IsSymbolText(parts[0]))
        {
            return null;
        }

        // "1mo" (calendar month) has no fixed length, so it names no BarInterval; the symbol and venue still hold.
        if (BarInterval.TryParse(parts[1], out var interval))
        {
            return new BarFileNameFacts(parts[0].ToUpperInvariant(), interval, "binance");
        }

        return parts[1] == "1mo" ? new BarFileNameFacts(parts[0].ToUpperInvariant(), null, "binance") : null;
    }

    private static BarFileNameFacts InferLeanName(string name)
    {
        var words = name.ToLowerInvariant().Split('_', StringSplitOptions.RemoveEmptyEntries);
        var first = 0;
        string? market = null;
        if (words.Length > 0 && Venues.Contains(words[0]))
        {
            market = words[0];
            first = 1;
            if (words.Length > 1 && VenueQualifiers.Contains(words[1]))
            {
                first = 2;
            }
        }

        for (var index = first; index < words.Length; index++)
        {
            var interval = ResolutionWordToInterval(words[index]);
            if (interval is null)
            {
                continue;
            }

            var symbol = index > first ? string.Join('_', words[first..index]).ToUpperInvariant() : null;
            return new BarFileNameFacts(symbol, interval, market);
        }

        return new BarFileNameFacts(null, null, market);
    }

    private static BarInterval? ResolutionWordToInterval(string word) => word switch
    {
        "second" => new BarInterval(TimeSpan.FromSeconds(1)),
        "minute" => BarInterval.OneMinute,
        "hour" => BarInterval.OneHour,
        "daily" or "day" => BarInterval.OneDay,
        _ => null,
    };

    // Binance's COIN-M archives are named like BTCUSD_PERP-1m-2024-01.csv, so '_' belongs to the symbol.
    private static bool IsSymbolText(string text)
    {
        foreach (var character in text)
        {
            if (!char.IsAsciiLetterOrDigit(character) && character != '_')
            {
                return false;
            }
        }

        return true;
    }
}
