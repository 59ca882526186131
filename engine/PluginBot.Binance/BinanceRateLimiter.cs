using System.Globalization;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Binance;

/// <summary>
/// Keeps one client under Binance's request-weight and order-count limits by waiting before it sends, rather than
/// learning about the limit from a 429 (repeated 429s earn an IP ban, HTTP 418). Binance counts weight in fixed
/// calendar minutes of server time and orders in fixed 10-second windows, so this does the same: each request reserves
/// its documented weight in the current window, the X-MBX-USED-WEIGHT-1M header (which also counts other clients on
/// the same IP) raises the count when it is higher, and a request that does not fit waits for the next window.
/// A 429 or 418 blocks every request until the Retry-After time has passed.
/// </summary>
public sealed class BinanceRateLimiter
{
    private static readonly TimeSpan WeightWindow = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan OrderWindow = TimeSpan.FromSeconds(10);

    private readonly object gate = new();
    private readonly int weightLimit;
    private readonly int orderLimit;
    private readonly IBinanceClock clock;
    private readonly IPluginLogger? logger;
    private long weightWindow = long.MinValue;
    private int usedWeight;
    private long orderWindow = long.MinValue;
    private int usedOrders;
    private DateTimeOffset blockedUntil = DateTimeOffset.MinValue;
    private long serverOffsetTicks;
    private long totalReservedWeight;

    /// <summary>Creates a limiter allowing <paramref name="weightLimitPerMinute"/> weight and <paramref name="orderLimitPerTenSeconds"/> orders.</summary>
    public BinanceRateLimiter(int weightLimitPerMinute, int orderLimitPerTenSeconds, IBinanceClock clock, IPluginLogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weightLimitPerMinute, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(orderLimitPerTenSeconds, 1);
        weightLimit = weightLimitPerMinute;
        orderLimit = orderLimitPerTenSeconds;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>Server time minus local time; windows follow the server's minutes.</summary>
    public TimeSpan ServerOffset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref serverOffsetTicks));
        set => Interlocked.Exchange(ref serverOffsetTicks, value.Ticks);
    }

    /// <summary>Weight counted in the current minute (own reservations or the server's header, whichever is higher).</summary>
    public int UsedWeight
    {
        get
        {
            lock (gate)
            {
                return WindowOf(Now, WeightWindow) == weightWindow ? usedWeight : 0;
            }
        }
    }

    /// <summary>Until when every request is held back because of a 429 or 418; in server time.</summary>
    public DateTimeOffset BlockedUntil
    {
        get
        {
            lock (gate)
            {
                return blockedUntil;
            }
        }
    }

    /// <summary>
    /// The weight this limiter has reserved since it was created: its own table's weights only, never the server's
    /// header. Compared with what the server charged for the same requests it exposes a wrong weight table, which the
    /// used-weight header alone hides (the limiter adopts the higher count, so an under-counted endpoint looks fine).
    /// </summary>
    public long TotalReservedWeight
    {
        get
        {
            lock (gate)
            {
                return totalReservedWeight;
            }
        }
    }

    /// <summary>How long requests have waited in total, for tests and diagnostics.</summary>
    public TimeSpan TotalWaited { get; private set; }

    /// <summary>The current server time as estimated from the local clock and the offset.</summary>
    public DateTimeOffset Now => clock.UtcNow + ServerOffset;

    /// <summary>
    /// Waits until <paramref name="endpoint"/>'s weight (and order count) fits, then reserves it. Returns the weight
    /// window the reservation was made in, to be passed back to <see cref="OnResponse"/>.
    /// </summary>
    public async Task<long> AcquireAsync(BinanceEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Weight > weightLimit)
        {
            throw new InvalidOperationException($"{endpoint} weighs {endpoint.Weight}, more than the whole per-minute limit {weightLimit}.");
        }

        while (true)
        {
            TimeSpan wait;
            string reason;
            lock (gate)
            {
                var now = Now;
                Roll(now);
                if (now < blockedUntil)
                {
                    wait = blockedUntil - now;
                    reason = "a 429/418 Retry-After";
                }
                else if (usedWeight + endpoint.Weight > weightLimit)
                {
                    wait = NextWindowStart(now, WeightWindow) - now;
                    reason = string.Create(CultureInfo.InvariantCulture, $"the weight limit ({usedWeight} used of {weightLimit}, {endpoint} needs {endpoint.Weight})");
                }
                else if (endpoint.IsOrder && usedOrders + 1 > orderLimit)
                {
                    wait = NextWindowStart(now, OrderWindow) - now;
                    reason = string.Create(CultureInfo.InvariantCulture, $"the order limit ({usedOrders} of {orderLimit} per 10 s)");
                }
                else
                {
                    usedWeight += endpoint.Weight;
                    totalReservedWeight += endpoint.Weight;
                    if (endpoint.IsOrder)
                    {
                        usedOrders++;
                    }

                    return weightWindow;
                }
            }

            // The smallest step keeps a window boundary that lands exactly on "now" from spinning.
            wait = wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait;
            logger?.Information($"Binance rate limiter: waiting {wait.TotalMilliseconds:0} ms for {reason}.");
            TotalWaited += wait;
            await clock.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes the server's counts from the response headers, when they belong to the window the request was reserved in.</summary>
    public void OnResponse(long reservedWindow, int? usedWeightHeader, int? orderCountHeader)
    {
        lock (gate)
        {
            Roll(Now);
            if (reservedWindow != weightWindow)
            {
                return;
            }

            if (usedWeightHeader is { } weight && weight > usedWeight)
            {
                usedWeight = weight;
            }

            if (orderCountHeader is { } orders && orders > usedOrders)
            {
                usedOrders = orders;
            }
        }
    }

    /// <summary>Holds every request back for <paramref name="retryAfter"/> after a 429 (or a ban, 418).</summary>
    public void OnRetryAfter(TimeSpan retryAfter, bool banned)
    {
        lock (gate)
        {
            var until = Now + retryAfter;
            if (until > blockedUntil)
            {
                blockedUntil = until;
            }
        }

        var what = banned ? "418 (IP banned)" : "429 (too many requests)";
        logger?.Warning($"Binance answered {what}; no request is sent for {retryAfter.TotalSeconds:0.###} s.");
    }

    private static long WindowOf(DateTimeOffset time, TimeSpan window) => time.UtcTicks / window.Ticks;

    private static DateTimeOffset NextWindowStart(DateTimeOffset time, TimeSpan window) =>
        new((WindowOf(time, window) + 1) * window.Ticks, TimeSpan.Zero);

    private void Roll(DateTimeOffset now)
    {
        var minute = WindowOf(now, WeightWindow);
        if (minute != weightWindow)
        {
            weightWindow = minute;
            usedWeight = 0;
        }

        var tenSeconds = WindowOf(now, OrderWindow);
        if (tenSeconds != orderWindow)
        {
            orderWindow = tenSeconds;
            usedOrders = 0;
        }
    }
}
