namespace PluginBot.Sdk.Regimes;

/// <summary>The market regimes experts specialise in.</summary>
public enum MarketRegime
{
    /// <summary>Realised volatility high against its own history.</summary>
    HighVolatility = 0,

    /// <summary>Realised volatility low against its own history.</summary>
    LowVolatility = 1,

    /// <summary>Price moves persistently in one direction.</summary>
    Trending = 2,

    /// <summary>Price oscillates within a range.</summary>
    Ranging = 3,
}
