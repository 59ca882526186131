using PluginBot.Binance;
using PluginBot.Sdk.Configuration;

namespace PluginBot.Plugins.Exchange.Binance;

/// <summary>The plugin's settings from the strategy composition (see plugin.json's configSchema). Keys are never settings.</summary>
/// <param name="Market">Spot or USD-M futures.</param>
/// <param name="RestAddress">REST base address; testnet by default.</param>
/// <param name="StreamAddress">WebSocket base address.</param>
/// <param name="Symbols">Traded symbols.</param>
/// <param name="SecretFile">Optional file with key and secret, used when the environment variables are unset.</param>
/// <param name="ReceiveWindow">recvWindow.</param>
/// <param name="LiveTrading">Explicit opt-in to send orders to a production host.</param>
public sealed record BinanceAdapterSettings(BinanceMarket Market, Uri RestAddress, Uri StreamAddress, IReadOnlyList<string> Symbols, string? SecretFile, TimeSpan ReceiveWindow, bool LiveTrading)
{
    /// <summary>Reads and checks the settings; errors name the setting.</summary>
    public static BinanceAdapterSettings Read(PluginSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.RejectUnknown("market", "restUrl", "streamUrl", "symbols", "secretFile", "recvWindowMilliseconds", "liveTrading");
        var market = settings.GetString("market", "spot") switch
        {
            "spot" => BinanceMarket.Spot,
            "usdFutures" => BinanceMarket.UsdFutures,
            var other => throw new PluginSettingsException($"{settings.Path}.market", $"expected \"spot\" or \"usdFutures\", found \"{other}\""),
        };
        var spot = market == BinanceMarket.Spot;
        var rest = Address(settings, "restUrl", spot ? "https://testnet.binance.vision" : "https://testnet.binancefuture.com");
        var stream = Address(settings, "streamUrl", spot ? "wss://stream.testnet.binance.vision" : "wss://stream.binancefuture.com");
        var symbols = settings.GetString("symbols", "BTCUSDT").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var secretFile = settings.Contains("secretFile") ? settings.GetString("secretFile", string.Empty) : null;
        var window = TimeSpan.FromMilliseconds(settings.GetInt32("recvWindowMilliseconds", 5000, 1, 60000));
        return new BinanceAdapterSettings(market, rest, stream, symbols, secretFile, window, settings.GetBoolean("liveTrading", false));
    }

    private static Uri Address(PluginSettings settings, string name, string fallback)
    {
        var text = settings.GetString(name, fallback);
        return Uri.TryCreate(text, UriKind.Absolute, out var address)
            ? address
            : throw new PluginSettingsException($"{settings.Path}.{name}", $"expected an absolute URL, found \"{text}\"");
    }
}
