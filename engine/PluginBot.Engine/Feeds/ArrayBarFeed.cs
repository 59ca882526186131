using PluginBot.Sdk.Market;

namespace PluginBot.Engine.Feeds;

/// <summary>Replays bars held in memory, for example one loaded data file.</summary>
public sealed class ArrayBarFeed : IBarFeed
{
    private readonly Bar[] bars;
    private int next;

    /// <summary>Creates a feed over <paramref name="bars"/>, which must already be in time order.</summary>
    public ArrayBarFeed(Bar[] bars)
    {
        this.bars = bars;
    }

    /// <inheritdoc />
    public long? RemainingCount => bars.Length - next;

    /// <inheritdoc />
    public bool TryRead(out Bar bar)
    {
        if (next < bars.Length)
        {
            bar = bars[next++];
            return true;
        }

        bar = default;
        return false;
    }
}
