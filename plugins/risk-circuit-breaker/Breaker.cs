using System.Globalization;

namespace PluginBot.Plugins.Risk.CircuitBreaker;

/// <summary>
/// One breaker's trip state: when it tripped, why, and until when it halts. Tripping again while halted restarts
/// the cool-down from the new trip, so a condition that persists (data still stale, fills still slow) keeps the
/// halt going instead of re-opening in the middle of it.
/// </summary>
internal sealed class Breaker(string name, TimeSpan cooldown)
{
    public string Name { get; } = name;

    public TimeSpan Cooldown { get; } = cooldown;

    public DateTime? TrippedAt { get; private set; }

    public DateTime HaltedUntil { get; private set; }

    public string? Reason { get; private set; }

    public bool IsHalting(DateTime now) => TrippedAt is not null && now < HaltedUntil;

    public void Trip(DateTime now, string reason)
    {
        TrippedAt = now;
        HaltedUntil = now + Cooldown;
        Reason = reason;
    }

    /// <summary>What a veto says about this breaker: its name, the numbers that tripped it and when it re-arms.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Name} breaker tripped at {TrippedAt:yyyy-MM-dd HH:mm:ss} UTC: {Reason}; entries halted until {HaltedUntil:yyyy-MM-dd HH:mm:ss} UTC ({Cooldown.TotalMinutes:0.##} min cool-down)");
}
