namespace PluginBot.Sdk.Market;

/// <summary>
/// One OHLCV bar. Prices and volume are <see cref="decimal"/> so exchange tick and lot rules apply exactly.
/// A bar is known only at <see cref="EndTime"/>: the engine delivers it then, never earlier.
/// </summary>
/// <param name="Symbol">The instrument, for example "BTCUSDT".</param>
/// <param name="Interval">The bar length.</param>
/// <param name="StartTime">The UTC time the bar opened (inclusive).</param>
/// <param name="Open">First traded price.</param>
/// <param name="High">Highest traded price.</param>
/// <param name="Low">Lowest traded price.</param>
/// <param name="Close">Last traded price.</param>
/// <param name="Volume">Traded quantity in base units (contracts for futures).</param>
public readonly record struct Bar(
    string Symbol,
    BarInterval Interval,
    DateTime StartTime,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume)
{
    /// <summary>The UTC time the bar closed (exclusive): <see cref="StartTime"/> plus the interval.</summary>
    public DateTime EndTime => StartTime + Interval.Duration;
}
