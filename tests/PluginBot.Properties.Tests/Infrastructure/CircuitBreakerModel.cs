namespace PluginBot.Properties.Tests.Infrastructure;

/// <summary>
/// The circuit breaker's documented rules written out as a model, for the property's oracle: which breakers trip on
/// what, for how long, and what re-arming means. The layer must veto an entry exactly when this model is halted.
/// </summary>
internal sealed class CircuitBreakerModel(int maximumLosses, TimeSpan lossCooldown, int staleBars, TimeSpan staleCooldown, TimeSpan latencyLimit, TimeSpan latencyCooldown)
{
    private readonly Dictionary<string, DateTime> lastEnds = new(StringComparer.Ordinal);
    private DateTime lossUntil;
    private DateTime staleUntil;
    private DateTime latencyUntil;
    private int lossBaseline;
    private int fillsJudged;

    public bool IsHalted(DateTime now) => now < lossUntil || now < staleUntil || now < latencyUntil;

    public void Observe(string symbol, DateTime end, DateTime now, int losses, int fills, TimeSpan lastLatency)
    {
        if (!lastEnds.TryGetValue(symbol, out var previous) || end > previous)
        {
            lastEnds[symbol] = end;
        }

        Evaluate(now, losses, fills, lastLatency);
    }

    /// <summary>True when an entry (not a reduction) in <paramref name="symbol"/> must be vetoed now.</summary>
    public bool MustVetoEntry(string symbol, DateTime now, int losses, int fills, TimeSpan lastLatency)
    {
        Evaluate(now, losses, fills, lastLatency);
        return IsHalted(now) || (staleBars > 0 && !lastEnds.ContainsKey(symbol));
    }

    private void Evaluate(DateTime now, int losses, int fills, TimeSpan lastLatency)
    {
        if (losses < lossBaseline)
        {
            lossBaseline = 0;
        }

        if (maximumLosses > 0 && now >= lossUntil && losses - lossBaseline >= maximumLosses)
        {
            lossUntil = now + lossCooldown;
            lossBaseline = losses;
        }

        if (fills != fillsJudged)
        {
            fillsJudged = fills;
            if (latencyLimit > TimeSpan.Zero && lastLatency > latencyLimit)
            {
                latencyUntil = now + latencyCooldown;
            }
        }

        // Minute bars only in these sequences: stale once the last bar is more than staleBars minutes old.
        if (staleBars > 0 && lastEnds.Values.Any(end => now - end > TimeSpan.FromMinutes(staleBars)))
        {
            staleUntil = now + staleCooldown;
        }
    }
}
