using PluginBot.Sdk.Market;

namespace PluginBot.Engine.Feeds;

/// <summary>
/// Merges several feeds into one in time order. Bars are ordered by the time they become known (their end
/// time); ties are broken by symbol (ordinal) and then by the feed's position in the list, so the same
/// inputs always give the same sequence.
/// </summary>
public sealed class MergedBarFeed : IBarFeed
{
    private readonly IBarFeed[] feeds;
    private readonly Bar[] heads;
    private readonly bool[] hasHead;

    /// <summary>Merges <paramref name="feeds"/>; each must be in time order itself.</summary>
    public MergedBarFeed(IReadOnlyList<IBarFeed> feeds)
    {
        this.feeds = feeds.ToArray();
        heads = new Bar[this.feeds.Length];
        hasHead = new bool[this.feeds.Length];
        for (var index = 0; index < this.feeds.Length; index++)
        {
            hasHead[index] = this.feeds[index].TryRead(out heads[index]);
        }
    }

    /// <inheritdoc />
    public long? RemainingCount
    {
        get
        {
            long total = 0;
            for (var index = 0; index < feeds.Length; index++)
            {
                var remaining = feeds[index].RemainingCount;
                if (remaining is null)
                {
                    return null;
                }

                total += remaining.Value + (hasHead[index] ? 1 : 0);
            }

            return total;
        }
    }

    /// <inheritdoc />
    public bool TryRead(out Bar bar)
    {
        // A linear scan: backtests merge a handful of files, where this beats a heap.
        var best = -1;
        for (var index = 0; index < feeds.Length; index++)
        {
            if (hasHead[index] && (best < 0 || Precedes(in heads[index], in heads[best])))
            {
                best = index;
            }
        }

        if (best < 0)
        {
            bar = default;
            return false;
        }

        bar = heads[best];
        hasHead[best] = feeds[best].TryRead(out heads[best]);
        return true;
    }

    private static bool Precedes(in Bar candidate, in Bar current)
    {
        var byTime = candidate.EndTime.CompareTo(current.EndTime);
        if (byTime != 0)
        {
            return byTime < 0;
        }

        // Equal symbols keep feed order because the scan only replaces on strictly-earlier.
        return string.CompareOrdinal(candidate.Symbol, current.Symbol) < 0;
    }
}
