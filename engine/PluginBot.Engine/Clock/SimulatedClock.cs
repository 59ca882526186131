using PluginBot.Sdk.Plugins;

namespace PluginBot.Engine.Clock;

/// <summary>
/// The backtest clock: it shows the time of the event being handled and only moves forward, so a plugin can
/// never see a time later than the data it was given.
/// </summary>
public sealed class SimulatedClock : IClock
{
    /// <inheritdoc />
    public DateTime UtcNow { get; private set; } = DateTime.UnixEpoch;

    /// <summary>Moves the clock to <paramref name="time"/>.</summary>
    /// <exception cref="InvalidOperationException">The time is earlier than the clock's; events out of order are a kernel bug.</exception>
    public void AdvanceTo(DateTime time)
    {
        if (time < UtcNow)
        {
            throw new InvalidOperationException($"The simulated clock cannot go back from {UtcNow:O} to {time:O}.");
        }

        UtcNow = DateTime.SpecifyKind(time, DateTimeKind.Utc);
    }
}
