namespace PluginBot.Binance;

/// <summary>What one user-data message turned out to be: an order event, an account event, a listen-key expiry, or nothing of interest.</summary>
/// <param name="Order">The order event, if it was one.</param>
/// <param name="Account">The account event, if it was one.</param>
/// <param name="ListenKeyExpired">True for listenKeyExpired: the stream must be reopened with a new key.</param>
public sealed record BinanceUserMessage(BinanceOrderEvent? Order, BinanceAccountEvent? Account, bool ListenKeyExpired)
{
    /// <summary>A message the client does not act on.</summary>
    public static BinanceUserMessage Ignored { get; } = new(null, null, false);
}
