namespace PluginBot.Features;

/// <summary>
/// What kind of market property a feature measures. Families let research tools group columns and let a model
/// registry say which kinds of input a model depends on; the family is part of the schema hash.
/// </summary>
public enum FeatureFamily
{
    /// <summary>A raw indicator value in the indicator's own units (price levels, volume totals, percent).</summary>
    Indicator,

    /// <summary>Log returns over a horizon.</summary>
    Returns,

    /// <summary>Direction and strength of the trend: distances from averages, MACD, ADX, Aroon.</summary>
    Trend,

    /// <summary>Speed of recent moves: RSI, stochastic, Williams %R, rate of change, CCI.</summary>
    Momentum,

    /// <summary>Size of moves and ranges: ATR, band widths and positions, realised volatility.</summary>
    Volatility,

    /// <summary>Participation: volume balance, VWAP distance, money flow.</summary>
    Volume,

    /// <summary>Statistics describing the market's character rather than its level: Hurst exponent, efficiency ratio.</summary>
    Regime,

    /// <summary>Position in the daily and weekly cycle, encoded as sine and cosine so midnight sits next to 23:59.</summary>
    Time,

    /// <summary>Another feature re-expressed relative to its own recent history (rolling z-score, rolling min-max).</summary>
    Normalisation,
}
