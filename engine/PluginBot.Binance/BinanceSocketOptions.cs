namespace PluginBot.Binance;

/// <summary>WebSocket behaviour shared by the market and user-data streams.</summary>
public sealed record BinanceSocketOptions
{
    /// <summary>Stream base address: wss://stream.binance.com:9443 (spot), wss://fstream.binance.com (futures), a testnet or a local fake.</summary>
    public Uri BaseAddress { get; init; } = new("wss://stream.binance.com:9443");

    /// <summary>
    /// How often the client pings; with <see cref="PingTimeout"/> a connection whose peer stops answering pongs is
    /// dropped and reconnected instead of hanging silently. Binance itself pings every 20 s and the socket answers.
    /// </summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a ping may go unanswered.</summary>
    public TimeSpan PingTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Binance cuts every connection at 24 h; replacing it earlier, on our own terms, avoids losing events then. The
    /// replacement is opened and confirmed before the old connection is closed, so nothing is missed at the switch.
    /// </summary>
    public TimeSpan MaximumConnectionAge { get; init; } = TimeSpan.FromHours(23);

    /// <summary>
    /// The clock connection ages are measured on. The wall clock in production; a test injects a virtual clock to
    /// make a connection 23 hours old without waiting.
    /// </summary>
    public IBinanceClock Clock { get; init; } = SystemBinanceClock.Instance;

    /// <summary>
    /// How often (in real time) the connection's age is compared with <see cref="MaximumConnectionAge"/>. The age is
    /// read from <see cref="Clock"/>, which has no timers, so it is polled; one comparison a second costs nothing.
    /// </summary>
    public TimeSpan ConnectionAgeCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a new connection may take to answer the request that proves the server serves it (SUBSCRIBE on market
    /// streams, LIST_SUBSCRIPTIONS on the user stream). A replacement that does not answer in time is used anyway.
    /// </summary>
    public TimeSpan ConfirmationTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>First reconnect delay.</summary>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Largest reconnect delay.</summary>
    public TimeSpan ReconnectMaximumDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Seed of the reconnect jitter.</summary>
    public int JitterSeed { get; init; } = 17;

    /// <summary>Listen-key keep-alive period; Binance asks for one every 30 minutes.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromMinutes(30);
}
