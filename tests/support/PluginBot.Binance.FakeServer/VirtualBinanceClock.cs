namespace PluginBot.Binance.FakeServer;

/// <summary>
/// A clock shared by a test's client and fake server in which waiting costs no real time: a delay moves the clock
/// forward by its length and returns. A minute of rate-limit back-off therefore takes microseconds, and the server's
/// minute windows roll exactly when the client expects them to.
/// </summary>
public sealed class VirtualBinanceClock : IBinanceClock
{
    private long ticks;

    /// <summary>Starts at <paramref name="start"/>.</summary>
    public VirtualBinanceClock(DateTimeOffset start) => ticks = start.UtcTicks;

    /// <inheritdoc />
    public DateTimeOffset UtcNow => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    /// <summary>Total virtual time spent in delays.</summary>
    public TimeSpan TotalDelayed => TimeSpan.FromTicks(Interlocked.Read(ref delayedTicks));

    private long delayedTicks;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref ticks, by.Ticks);
    }

    /// <inheritdoc />
    public async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (delay > TimeSpan.Zero)
        {
            Interlocked.Add(ref ticks, delay.Ticks);
            Interlocked.Add(ref delayedTicks, delay.Ticks);
        }

        await Task.Yield();
    }
}
