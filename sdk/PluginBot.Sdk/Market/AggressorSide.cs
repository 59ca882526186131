namespace PluginBot.Sdk.Market;

/// <summary>Which side crossed the spread in a trade; tells buying from selling pressure.</summary>
public enum AggressorSide
{
    /// <summary>Not reported by the source.</summary>
    Unknown = 0,

    /// <summary>A buyer took the ask.</summary>
    Buyer = 1,

    /// <summary>A seller hit the bid.</summary>
    Seller = 2,
}
