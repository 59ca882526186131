namespace PluginBot.Binance;

/// <summary>
/// Exponential reconnect delays with seeded "full jitter": attempt n waits a random time in [base·2ⁿ/2, base·2ⁿ],
/// capped. Jitter keeps many bots from reconnecting in lockstep after an outage; the seed keeps a test run repeatable.
/// </summary>
public sealed class ReconnectBackoff
{
    private readonly TimeSpan initial;
    private readonly TimeSpan maximum;
    private readonly Random random;
    private int attempt;

    /// <summary>Creates a back-off starting at <paramref name="initial"/>, never above <paramref name="maximum"/>.</summary>
    public ReconnectBackoff(TimeSpan initial, TimeSpan maximum, int seed)
    {
        this.initial = initial;
        this.maximum = maximum;
        random = new Random(seed);
    }

    /// <summary>The next delay; each call doubles the ceiling until <see cref="Reset"/>.</summary>
    public TimeSpan Next()
    {
        var ceiling = Math.Min(maximum.Ticks, initial.Ticks * (1L << Math.Min(attempt, 20)));
        attempt++;
        var half = ceiling / 2;
        return TimeSpan.FromTicks(half + (long)(random.NextDouble() * (ceiling - half)));
    }

    /// <summary>Back to the first delay after a connection has been healthy.</summary>
    public void Reset() => attempt = 0;
}
