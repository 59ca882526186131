namespace PluginBot.Binance;

/// <summary>Futures position side: BOTH in one-way mode, LONG or SHORT in hedge mode.</summary>
public enum BinancePositionSide
{
    /// <summary>One-way mode (the default account setting).</summary>
    Both = 0,

    /// <summary>The long leg in hedge mode.</summary>
    Long = 1,

    /// <summary>The short leg in hedge mode.</summary>
    Short = 2,
}
