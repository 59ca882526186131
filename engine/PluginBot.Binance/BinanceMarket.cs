namespace PluginBot.Binance;

/// <summary>Which of Binance's two trading APIs a client talks to; paths, weights and order type names differ between them.</summary>
public enum BinanceMarket
{
    /// <summary>Spot trading under <c>/api/v3</c>: balances per asset, no positions.</summary>
    Spot = 1,

    /// <summary>USD-M perpetual and delivery futures under <c>/fapi</c>: margin balances and signed positions.</summary>
    UsdFutures = 2,
}
