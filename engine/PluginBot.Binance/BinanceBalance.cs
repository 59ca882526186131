namespace PluginBot.Binance;

/// <summary>One asset's balance: spot free and locked, or a futures wallet balance (all free, nothing locked).</summary>
/// <param name="Asset">Asset name, for example USDT.</param>
/// <param name="Free">Available.</param>
/// <param name="Locked">Held by open orders.</param>
public sealed record BinanceBalance(string Asset, decimal Free, decimal Locked)
{
    /// <summary>Free plus locked.</summary>
    public decimal Total => Free + Locked;
}
