namespace PluginBot.Sdk.Market;

/// <summary>Top of book: the best bid and ask with their sizes.</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Time">UTC time of the quote.</param>
/// <param name="BidPrice">Best bid.</param>
/// <param name="BidSize">Quantity at the best bid.</param>
/// <param name="AskPrice">Best ask.</param>
/// <param name="AskSize">Quantity at the best ask.</param>
public readonly record struct Quote(string Symbol, DateTime Time, decimal BidPrice, decimal BidSize, decimal AskPrice, decimal AskSize)
{
    /// <summary>The mid price, used as a fair value when no trade is known.</summary>
    public decimal MidPrice => (BidPrice + AskPrice) / 2m;

    /// <summary>The spread (ask minus bid); negative means a crossed book.</summary>
    public decimal Spread => AskPrice - BidPrice;
}
