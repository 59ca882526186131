using PluginBot.Onnx.Models;

namespace PluginBot.Plugins.RegimeOnnx;

/// <summary>
/// One feature feed per symbol, created on the symbol's first bar (each symbol's indicators must see only its own
/// bars). Bars of one feed share their symbol string, so a reference check on the last symbol skips the hash lookup
/// on almost every bar.
/// </summary>
internal sealed class SymbolFeeds(Func<SymbolFeatureFeed> create)
{
    private readonly Dictionary<string, SymbolFeatureFeed> feeds = new(StringComparer.Ordinal);
    private string? lastSymbol;
    private SymbolFeatureFeed? lastFeed;

    public int Count => feeds.Count;

    public SymbolFeatureFeed For(string symbol)
    {
        if (ReferenceEquals(symbol, lastSymbol))
        {
            return lastFeed!;
        }

        if (!feeds.TryGetValue(symbol, out var feed))
        {
            feed = create();
            feeds.Add(symbol, feed);
        }

        lastSymbol = symbol;
        lastFeed = feed;
        return feed;
    }
}
