namespace PluginBot.Sdk.Orders;

/// <summary>Whether a fill added liquidity to the book or took it; exchanges charge the two differently.</summary>
public enum LiquidityRole
{
    /// <summary>The order rested on the book and was hit.</summary>
    Maker = 1,

    /// <summary>The order crossed the spread.</summary>
    Taker = 2,
}
