namespace PluginBot.Plugins.Exchange.Binance;

/// <summary>
/// Decides whether orders may go to a host. Loopback (a local fake) and Binance's testnets are always allowed; any
/// other host moves real money and needs the explicit setting <c>"liveTrading": true</c>, so a composition copied from a
/// test never trades by accident.
/// </summary>
public static class BinanceTradingGuard
{
    /// <summary>Returns null when orders may be sent to <paramref name="restAddress"/>, otherwise why not.</summary>
    public static string? Check(Uri restAddress, bool liveTrading)
    {
        ArgumentNullException.ThrowIfNull(restAddress);
        if (liveTrading || restAddress.IsLoopback || IsTestnet(restAddress.Host))
        {
            return null;
        }

        return $"live trading is off: {restAddress.Host} is neither loopback nor a Binance testnet, and orders go there only with the setting \"liveTrading\": true";
    }

    private static bool IsTestnet(string host) =>
        host.Equals("testnet.binance.vision", StringComparison.OrdinalIgnoreCase)
        || host.Equals("testnet.binancefuture.com", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".testnet.binance.vision", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".binancefuture.com", StringComparison.OrdinalIgnoreCase);
}
