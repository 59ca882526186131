using PluginBot.Sdk.Market;

namespace PluginBot.Engine.Hosting;

/// <summary>
/// The last bars the kernel handled, oldest first, kept in a fixed ring so recording them allocates nothing.
/// A swapped-in strategy is warmed up on them, so it takes over with its indicators already primed.
/// </summary>
public sealed class RecentBars
{
    private readonly Bar[] bars;
    private int next;

    /// <summary>Keeps at most <paramref name="capacity"/> bars.</summary>
    public RecentBars(int capacity = 1_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        bars = new Bar[capacity];
    }

    /// <summary>Bars held.</summary>
    public int Count { get; private set; }

    /// <summary>Adds the bar just handled.</summary>
    public void Add(in Bar bar)
    {
        bars[next] = bar;
        next = (next + 1) % bars.Length;
        if (Count < bars.Length)
        {
            Count++;
        }
    }

    /// <summary>The bar <paramref name="index"/> places from the oldest held.</summary>
    public ref readonly Bar this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return ref bars[(next - Count + index + bars.Length) % bars.Length];
        }
    }
}
