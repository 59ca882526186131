namespace PluginBot.Binance;

/// <summary>The wall clock, through <see cref="TimeProvider.System"/>; the default outside tests.</summary>
public sealed class SystemBinanceClock : IBinanceClock
{
    /// <summary>The one instance; the wall clock has no state.</summary>
    public static SystemBinanceClock Instance { get; } = new();

    /// <inheritdoc />
    public DateTimeOffset UtcNow => TimeProvider.System.GetUtcNow();

    /// <inheritdoc />
    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, TimeProvider.System, cancellationToken);
}
