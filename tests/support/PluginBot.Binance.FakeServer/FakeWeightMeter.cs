using System.Net;

namespace PluginBot.Binance.FakeServer;

/// <summary>
/// Binance's request-weight accounting as the server applies it: weight per calendar minute of server time, counted
/// even for requests it refuses, 429 with Retry-After (seconds to the next minute) over the limit, and a 418 ban once
/// the client has ignored enough 429s. Records the highest weight ever used so tests can prove a client stayed under it.
/// </summary>
public sealed class FakeWeightMeter
{
    private readonly object gate = new();
    private readonly FakeServerOptions options;
    private long window = long.MinValue;
    private int used;
    private long totalCharged;
    private DateTimeOffset bannedUntil = DateTimeOffset.MinValue;

    internal FakeWeightMeter(FakeServerOptions options) => this.options = options;

    /// <summary>
    /// Every unit of weight charged since the server started, refused requests included. Compared with the client's
    /// <see cref="BinanceRateLimiter.TotalReservedWeight"/> over the same requests, it shows whether the client's weight
    /// table matches the server's.
    /// </summary>
    public long TotalChargedWeight
    {
        get
        {
            lock (gate)
            {
                return totalCharged;
            }
        }
    }

    /// <summary>The highest weight used in any minute, refused requests included.</summary>
    public int MaximumUsedWeight { get; private set; }

    /// <summary>How many requests were answered 429 because of the limit (injected faults not counted).</summary>
    public int Violations { get; private set; }

    /// <summary>How many requests were answered 418 because of a ban.</summary>
    public int BannedAnswers { get; private set; }

    /// <summary>Requests that arrived while a Retry-After (429 or 418) was in force: a well-behaved client sends none.</summary>
    public int RequestsDuringRetryAfter { get; private set; }

    /// <summary>Weight used in the current minute.</summary>
    public int UsedWeight
    {
        get
        {
            lock (gate)
            {
                return window == Minute(options.Clock.UtcNow) ? used : 0;
            }
        }
    }

    /// <summary>Until when Retry-After asks the client to wait (an injected 429/418 sets it too).</summary>
    internal DateTimeOffset QuietUntil { get; private set; } = DateTimeOffset.MinValue;

    internal void NoteRetryAfter(TimeSpan retryAfter)
    {
        lock (gate)
        {
            QuietUntil = options.Clock.UtcNow + retryAfter;
        }
    }

    /// <summary>Charges <paramref name="weight"/>; returns the refusal (429/418 and Retry-After seconds) or null when allowed.</summary>
    internal (HttpStatusCode Status, int RetryAfterSeconds)? Charge(int weight, out int usedNow)
    {
        lock (gate)
        {
            var now = options.Clock.UtcNow;
            if (now < QuietUntil)
            {
                RequestsDuringRetryAfter++;
            }

            var minute = Minute(now);
            if (minute != window)
            {
                window = minute;
                used = 0;
            }

            used += weight;
            totalCharged += weight;
            usedNow = used;
            MaximumUsedWeight = Math.Max(MaximumUsedWeight, used);
            if (now < bannedUntil)
            {
                BannedAnswers++;
                return ((HttpStatusCode)418, Seconds(bannedUntil - now));
            }

            if (used <= options.WeightLimitPerMinute)
            {
                return null;
            }

            Violations++;
            if (Violations >= options.ViolationsBeforeBan)
            {
                bannedUntil = now + options.BanDuration;
                BannedAnswers++;
                QuietUntil = bannedUntil;
                return ((HttpStatusCode)418, Seconds(options.BanDuration));
            }

            var next = new DateTimeOffset((minute + 1) * TimeSpan.TicksPerMinute, TimeSpan.Zero);
            QuietUntil = next;
            return (HttpStatusCode.TooManyRequests, Seconds(next - now));
        }
    }

    private static long Minute(DateTimeOffset time) => time.UtcTicks / TimeSpan.TicksPerMinute;

    private static int Seconds(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalSeconds));
}
