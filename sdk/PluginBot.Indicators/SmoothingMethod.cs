namespace PluginBot.Indicators;

/// <summary>
/// How an indicator averages its raw series (true ranges, gains and losses). The choice changes the values, not
/// just the lag, so references computed one way only match an indicator configured the same way.
/// </summary>
public enum SmoothingMethod
{
    /// <summary>
    /// Wilder's smoothing (an exponential average with factor 1/n, seeded with the simple mean of the first n
    /// values): the original definition of RSI, ATR and ADX, and what most charting packages show.
    /// </summary>
    Wilder,

    /// <summary>A plain n-sample mean: forgets a shock after exactly n samples (Cutler's RSI, simple ATR).</summary>
    Simple,
}
