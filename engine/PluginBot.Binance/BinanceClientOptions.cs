using PluginBot.Sdk.Plugins;

namespace PluginBot.Binance;

/// <summary>How a <see cref="BinanceRestClient"/> connects and how hard it may use the API.</summary>
public sealed record BinanceClientOptions
{
    /// <summary>Production spot REST base address.</summary>
    public const string SpotProductionUrl = "https://api.binance.com";

    /// <summary>Production USD-M futures REST base address.</summary>
    public const string FuturesProductionUrl = "https://fapi.binance.com";

    /// <summary>Spot or USD-M futures.</summary>
    public BinanceMarket Market { get; init; } = BinanceMarket.Spot;

    /// <summary>REST base address, for example the testnet or a local fake server.</summary>
    public Uri BaseAddress { get; init; } = new(SpotProductionUrl);

    /// <summary>Key and secret; null allows only public endpoints.</summary>
    public BinanceCredentials? Credentials { get; init; }

    /// <summary>How long a signed request stays valid after its timestamp; Binance's default is 5 s.</summary>
    public TimeSpan ReceiveWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The request weight the client allows itself per minute. Below Binance's limit (6,000 spot, 2,400 futures) so
    /// other tools on the same IP keep some headroom.
    /// </summary>
    public int WeightLimitPerMinute { get; init; } = 5000;

    /// <summary>New orders allowed per 10 seconds (Binance: 100 spot, 300 futures).</summary>
    public int OrderLimitPerTenSeconds { get; init; } = 90;

    /// <summary>How long one HTTP request may take before its outcome is treated as unknown.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a request that is safe to repeat is tried (429, 418, 5xx and transport failures).</summary>
    public int MaximumAttempts { get; init; } = 5;

    /// <summary>Time source and waits; the wall clock unless a test injects a virtual one.</summary>
    public IBinanceClock Clock { get; init; } = SystemBinanceClock.Instance;

    /// <summary>Where the client reports retries, back-offs and errors; never given keys or signatures.</summary>
    public IPluginLogger? Logger { get; init; }

    /// <summary>The default options for <paramref name="market"/> against production.</summary>
    public static BinanceClientOptions ForMarket(BinanceMarket market) => new()
    {
        Market = market,
        BaseAddress = new Uri(market == BinanceMarket.Spot ? SpotProductionUrl : FuturesProductionUrl),
        WeightLimitPerMinute = market == BinanceMarket.Spot ? 5000 : 2000,
        OrderLimitPerTenSeconds = market == BinanceMarket.Spot ? 90 : 250,
    };
}
