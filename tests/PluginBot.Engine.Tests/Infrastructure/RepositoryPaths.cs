namespace PluginBot.Engine.Tests.Infrastructure;

/// <summary>
/// Locates the repository's shipped files (strategies, sample market data) from the test's output folder, so the
/// tests run on the real files in a clean clone without copying them.
/// </summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepositoryRoot => Root.Value;

    public static string ShippedComposition => Path.Combine(RepositoryRoot, "strategies", "ema-cross.json");

    public static string BinanceBitcoinMinuteFile => MarketFile("binance_btcbusd_minute_trade_20221213_UTC.csv");

    public static string CoinbaseBitcoinMinuteFile => MarketFile("coinbase_btcusd_minute_trade_20180404_20180406_UTC.csv");

    public static string BinanceSymbolProperties => MarketFile("symbol-properties-binance.csv");

    private static string MarketFile(string name) => Path.Combine(RepositoryRoot, "data", "market", name);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PluginBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains PluginBot.sln.");
    }
}
