namespace PluginBot.Binance;

/// <summary>
/// The time source and waiting primitive of the client. Request timestamps, the rate limiter's minute windows and
/// every back-off wait go through it, so tests can run a minute of rate limiting in microseconds with a virtual clock
/// while production uses the wall clock (<see cref="SystemBinanceClock"/>).
/// </summary>
public interface IBinanceClock
{
    /// <summary>The current UTC time as this client sees it (before the server-time offset is applied).</summary>
    DateTimeOffset UtcNow { get; }

    /// <summary>Waits <paramref name="delay"/> of this clock's time.</summary>
    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);
}
