using System.Net;

namespace PluginBot.Binance.FakeServer;

/// <summary>
/// Faults a test schedules on the fake server: the next N matching HTTP requests fail in a chosen way, and the next N
/// user-data events are duplicated or swapped with their successor. Thread-safe; counts are consumed as requests arrive.
/// </summary>
public sealed class FakeFaults
{
    private readonly object gate = new();
    private readonly List<Scheduled> scheduled = [];
    private int duplicateEvents;
    private int reorderEvents;

    /// <summary>How many HTTP faults were actually delivered.</summary>
    public int DeliveredHttpFaults { get; private set; }

    /// <summary>
    /// The next <paramref name="count"/> requests whose "METHOD /path" starts with <paramref name="filter"/> (all when
    /// null) suffer <paramref name="kind"/>; <paramref name="status"/> is used by the failing kinds.
    /// </summary>
    public void Schedule(FakeFaultKind kind, int count, HttpStatusCode status = HttpStatusCode.ServiceUnavailable, string? filter = null)
    {
        lock (gate)
        {
            scheduled.Add(new Scheduled(kind, status, filter) { Remaining = count });
        }
    }

    /// <summary>The next <paramref name="count"/> user-data events are sent twice.</summary>
    public void DuplicateNextEvents(int count) => Interlocked.Add(ref duplicateEvents, count);

    /// <summary>The next <paramref name="count"/> user-data events are each held back and sent after the event that follows.</summary>
    public void ReorderNextEvents(int count) => Interlocked.Add(ref reorderEvents, count);

    /// <summary>Drops every scheduled fault not yet delivered.</summary>
    public void Clear()
    {
        lock (gate)
        {
            scheduled.Clear();
        }

        Interlocked.Exchange(ref duplicateEvents, 0);
        Interlocked.Exchange(ref reorderEvents, 0);
    }

    internal (FakeFaultKind Kind, HttpStatusCode Status)? Take(string methodAndPath)
    {
        lock (gate)
        {
            foreach (var fault in scheduled)
            {
                if (fault.Remaining > 0 && (fault.Filter is null || methodAndPath.StartsWith(fault.Filter, StringComparison.Ordinal)))
                {
                    fault.Remaining--;
                    DeliveredHttpFaults++;
                    return (fault.Kind, fault.Status);
                }
            }

            scheduled.RemoveAll(fault => fault.Remaining == 0);
            return null;
        }
    }

    internal bool TakeDuplicate() => TakeOne(ref duplicateEvents);

    internal bool TakeReorder() => TakeOne(ref reorderEvents);

    private static bool TakeOne(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }

    private sealed record Scheduled(FakeFaultKind Kind, HttpStatusCode Status, string? Filter)
    {
        public int Remaining { get; set; }
    }
}
