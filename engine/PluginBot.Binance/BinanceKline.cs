using PluginBot.Sdk.Market;

namespace PluginBot.Binance;

/// <summary>One kline row exactly as Binance sends it, so it can be written back in the archive CSV layout unchanged.</summary>
/// <param name="OpenTime">Open time, Unix ms.</param>
/// <param name="Open">Open price.</param>
/// <param name="High">High price.</param>
/// <param name="Low">Low price.</param>
/// <param name="Close">Close price.</param>
/// <param name="Volume">Base volume.</param>
/// <param name="CloseTime">Close time, Unix ms (open + interval − 1 ms).</param>
/// <param name="QuoteVolume">Quote volume.</param>
/// <param name="TradeCount">Number of trades.</param>
/// <param name="TakerBuyBaseVolume">Taker buy base volume.</param>
/// <param name="TakerBuyQuoteVolume">Taker buy quote volume.</param>
public sealed record BinanceKline(
    long OpenTime,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume,
    long CloseTime,
    decimal QuoteVolume,
    long TradeCount,
    decimal TakerBuyBaseVolume,
    decimal TakerBuyQuoteVolume)
{
    /// <summary>The SDK bar for <paramref name="symbol"/> and <paramref name="interval"/>.</summary>
    public Bar ToBar(string symbol, BarInterval interval) =>
        new(symbol, interval, BinanceWireNames.FromMilliseconds(OpenTime), Open, High, Low, Close, Volume);

    /// <summary>The row in Binance's archive CSV layout (twelve columns, last one "0").</summary>
    public string ToCsvLine() => string.Join(
        ',',
        OpenTime.ToString(System.Globalization.CultureInfo.InvariantCulture),
        BinanceWireNames.Number(Open),
        BinanceWireNames.Number(High),
        BinanceWireNames.Number(Low),
        BinanceWireNames.Number(Close),
        BinanceWireNames.Number(Volume),
        CloseTime.ToString(System.Globalization.CultureInfo.InvariantCulture),
        BinanceWireNames.Number(QuoteVolume),
        TradeCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        BinanceWireNames.Number(TakerBuyBaseVolume),
        BinanceWireNames.Number(TakerBuyQuoteVolume),
        "0");
}
