namespace PluginBot.Binance.FakeServer;

/// <summary>How the fake exchange behaves.</summary>
public sealed record FakeServerOptions
{
    /// <summary>Spot or USD-M futures paths, payload shapes and error codes.</summary>
    public BinanceMarket Market { get; init; } = BinanceMarket.Spot;

    /// <summary>The only API key accepted.</summary>
    public string ApiKey { get; init; } = "fake-api-key-0000";

    /// <summary>The secret signatures are checked with.</summary>
    public string ApiSecret { get; init; } = "fake-api-secret-0000";

    /// <summary>Request weight allowed per calendar minute before answering 429.</summary>
    public int WeightLimitPerMinute { get; init; } = 1200;

    /// <summary>How many 429s earn a 418 ban.</summary>
    public int ViolationsBeforeBan { get; init; } = 3;

    /// <summary>How long a ban lasts.</summary>
    public TimeSpan BanDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Fee rate charged on every fill, in the quote asset.</summary>
    public decimal FeeRate { get; init; } = 0.001m;

    /// <summary>When true a market or crossing order fills in two trades (60 % then 40 %), exercising partial fills.</summary>
    public bool SplitFills { get; init; }

    /// <summary>How long a listen key lives without a keep-alive.</summary>
    public TimeSpan ListenKeyLifetime { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>The server's clock; share a <see cref="VirtualBinanceClock"/> with the client to make waits free.</summary>
    public IBinanceClock Clock { get; init; } = SystemBinanceClock.Instance;

    /// <summary>Listed symbols.</summary>
    public IReadOnlyList<FakeSymbol> Symbols { get; init; } =
    [
        new("BTCUSDT", "BTC", "USDT", 0.01m, 0.00001m, 0.00001m, 5m),
        new("ETHUSDT", "ETH", "USDT", 0.01m, 0.0001m, 0.0001m, 5m),
    ];

    /// <summary>Starting balances per asset.</summary>
    public IReadOnlyDictionary<string, decimal> InitialBalances { get; init; } =
        new Dictionary<string, decimal> { ["USDT"] = 1_000_000m, ["BTC"] = 100m, ["ETH"] = 1000m };
}
