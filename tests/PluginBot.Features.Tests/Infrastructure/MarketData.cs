using PluginBot.Data;
using PluginBot.Sdk.Market;

namespace PluginBot.Features.Tests.Infrastructure;

/// <summary>The shipped BTC minute file (data/market in the repository), read once per test run.</summary>
internal static class MarketData
{
    private static readonly Lazy<Bar[]> BitcoinBars = new(() =>
        BarFileReader.Read(Path.Combine(FindRepositoryRoot(), "data", "market", "binance_btcbusd_minute_trade_20221213_UTC.csv")).Bars);

    /// <summary>1,440 one-minute BTCBUSD bars of 2022-12-13 (a copy each call, so tests may alter it).</summary>
    public static Bar[] BitcoinMinutes() => (Bar[])BitcoinBars.Value.Clone();

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PluginBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PluginBot.sln not found above " + AppContext.BaseDirectory);
    }
}
