using PluginBot.Data;
using PluginBot.Sdk.Market;

namespace PluginBot.Plugins.Experts.Tests.Infrastructure;

/// <summary>Synthetic bars whose indicator values can be worked out by hand, and the shipped minute data.</summary>
internal static class Bars
{
    public const string Symbol = "TESTUSD";

    public static readonly DateTime Origin = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A one-minute bar number <paramref name="index"/> from the origin.</summary>
    public static Bar Make(int index, double open, double high, double low, double close, string symbol = Symbol) =>
        new(symbol, BarInterval.OneMinute, Origin.AddMinutes(index), (decimal)open, (decimal)high, (decimal)low, (decimal)close, 1m);

    /// <summary>A bar opening at the previous close, spanning open and close plus a wick on each side.</summary>
    public static Bar Span(int index, double open, double close, double wick, string symbol = Symbol) =>
        Make(index, open, Math.Max(open, close) + wick, Math.Min(open, close) - wick, close, symbol);

    /// <summary>Bars through the given closes, each opening at the previous close with the given wick.</summary>
    public static Bar[] FromCloses(IReadOnlyList<double> closes, double wick = 0.5, string symbol = Symbol)
    {
        var bars = new Bar[closes.Count];
        for (var index = 0; index < closes.Count; index++)
        {
            var open = index == 0 ? closes[0] : closes[index - 1];
            bars[index] = Span(index, open, closes[index], wick, symbol);
        }

        return bars;
    }

    /// <summary>The 1,439 BTCBUSD minute bars of 2022-12-13 shipped in TestData.</summary>
    public static Bar[] Minute() => MinuteSeries.Value;

    private static readonly Lazy<Bar[]> MinuteSeries = new(() =>
        BarFileReader.Read(Path.Combine(AppContext.BaseDirectory, "TestData", "binance_btcbusd_minute_trade_20221213_UTC.csv")).Bars);
}
