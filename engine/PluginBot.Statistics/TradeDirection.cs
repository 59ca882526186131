namespace PluginBot.Statistics;

/// <summary>
/// Which way a closed trade was positioned. Statistics treat both directions alike (a trade is judged by its
/// profit or loss), but reports break results down by direction because long and short edges often differ.
/// </summary>
public enum TradeDirection
{
    /// <summary>The trade bought first and sold to close: it profits when the price rises.</summary>
    Long,

    /// <summary>The trade sold first and bought to close: it profits when the price falls.</summary>
    Short,
}
