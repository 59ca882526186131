namespace PluginBot.Indicators;

/// <summary>
/// A fixed-capacity ring buffer of the most recent items. Indicators keep their look-back here because the storage
/// is allocated once in the constructor and never grows, so adding an item costs O(1) and allocates nothing.
/// </summary>
/// <typeparam name="T">The item type; use value types on hot paths to avoid keeping objects alive.</typeparam>
public sealed class RollingWindow<T>
{
    private readonly T[] items;
    private int nextSlot;

    /// <summary>Creates an empty window that keeps at most <paramref name="capacity"/> items.</summary>
    public RollingWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        items = new T[capacity];
    }

    /// <summary>The most items the window keeps; the oldest is dropped when a new one arrives at capacity.</summary>
    public int Capacity => items.Length;

    /// <summary>How many items the window holds now (at most <see cref="Capacity"/>).</summary>
    public int Count { get; private set; }

    /// <summary>True once the window holds <see cref="Capacity"/> items, i.e. the next add evicts the oldest.</summary>
    public bool IsFull => Count == items.Length;

    /// <summary>
    /// The item added <paramref name="ago"/> adds ago: 0 is the newest, <see cref="Count"/> − 1 the oldest.
    /// Indexing by age rather than by slot keeps callers independent of where the ring happens to wrap.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="ago"/> is not in [0, Count).</exception>
    public T this[int ago]
    {
        get
        {
            if ((uint)ago >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(ago), ago, "The window does not hold an item that old.");
            }

            var slot = nextSlot - 1 - ago;
            if (slot < 0)
            {
                slot += items.Length;
            }

            return items[slot];
        }
    }

    /// <summary>The most recently added item.</summary>
    public T Newest => this[0];

    /// <summary>The oldest item still held; it is the one the next add evicts when the window is full.</summary>
    public T Oldest => this[Count - 1];

    /// <summary>
    /// Adds an item and reports the one it pushed out, so running aggregates (sums, moments) can subtract it
    /// without a second look-up.
    /// </summary>
    /// <returns>True when the window was full and <paramref name="evicted"/> holds the dropped item.</returns>
    public bool Add(T item, out T evicted)
    {
        var wasFull = IsFull;
        evicted = wasFull ? items[nextSlot] : default!;
        items[nextSlot] = item;
        nextSlot++;
        if (nextSlot == items.Length)
        {
            nextSlot = 0;
        }

        if (!wasFull)
        {
            Count++;
        }

        return wasFull;
    }

    /// <summary>Adds an item, dropping the oldest when full.</summary>
    public void Add(T item) => Add(item, out _);

    /// <summary>Empties the window without releasing its storage, so a reset indicator stays allocation-free.</summary>
    public void Clear()
    {
        // Clearing the array matters only for reference types (to release them); it is cheap either way.
        Array.Clear(items);
        nextSlot = 0;
        Count = 0;
    }
}
