using System.Globalization;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.Risk.CircuitBreaker;

/// <summary>
/// Circuit breakers: conditions under which the strategy's judgement cannot be trusted for a while, so new entries
/// stop (<see cref="RiskState.Halted"/>) and only reductions pass. Each breaker trips on its own condition, halts for
/// its own cool-down and then re-arms:
/// <list type="bullet">
/// <item><b>consecutive losses</b>: <c>maximumConsecutiveLosses</c> losing round trips in a row
/// (<see cref="IExecutionQualityView.ConsecutiveLosses"/>). After the cool-down only losses that come after the trip
/// count, so the same losing streak does not trip it again the moment it re-arms; a winning trade resets the count.</item>
/// <item><b>stale data</b>: some symbol's last observed bar ended more than <c>staleAfterBars</c> bar lengths before
/// the clock's now, so the feed has stopped or fallen behind and prices the strategy decides on are old. It stays
/// tripped (the cool-down restarts) as long as the data stays stale. An entry in a symbol never observed is vetoed
/// too, because nothing says its data is fresh.</item>
/// <item><b>latency</b>: a fill took longer than <c>maximumFillLatencyMilliseconds</c> from sending
/// (<see cref="IExecutionQualityView.LastFillLatency"/>). Each fill is judged once, so a slow fill does not trip the
/// breaker again after its cool-down; every further slow fill does.</item>
/// </list>
/// A limit of 0 switches its breaker off. Breakers are evaluated on every observed bar and every assessment, at the
/// injected clock's time. Every veto names each halting breaker with the numbers that tripped it and when it re-arms.
/// Layers compose by the engine's rule: every layer assesses every intent and any veto stops it.
/// </summary>
public sealed class CircuitBreakerRiskManager : IRiskManager
{
    private readonly Dictionary<string, (DateTime End, TimeSpan Length)> lastBars = new(StringComparer.Ordinal);
    private IPluginContext? context;
    private Breaker losses = new("consecutive-loss", TimeSpan.FromMinutes(240));
    private Breaker staleData = new("stale-data", TimeSpan.FromMinutes(15));
    private Breaker latency = new("latency", TimeSpan.FromMinutes(30));
    private int lossesAlreadyCounted;
    private int fillsJudged;

    /// <inheritdoc />
    public string Name => "risk-circuit-breaker";

    /// <summary>Losing round trips in a row that trip the loss breaker (0 = off), read from the settings.</summary>
    public int MaximumConsecutiveLosses { get; private set; } = 5;

    /// <summary>How long the loss breaker halts, read from the settings.</summary>
    public TimeSpan ConsecutiveLossCooldown => losses.Cooldown;

    /// <summary>Bar lengths after which a symbol's data counts as stale (0 = off), read from the settings.</summary>
    public int StaleAfterBars { get; private set; } = 3;

    /// <summary>How long the stale-data breaker halts, read from the settings.</summary>
    public TimeSpan StaleDataCooldown => staleData.Cooldown;

    /// <summary>The longest acceptable send-to-fill time (zero = off), read from the settings.</summary>
    public TimeSpan MaximumFillLatency { get; private set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the latency breaker halts, read from the settings.</summary>
    public TimeSpan LatencyCooldown => latency.Cooldown;

    /// <summary>True while any breaker halts new entries.</summary>
    public bool IsHalted => context is not null && HaltingBreakers(context.Clock.UtcNow).Any();

    /// <summary>The description of every breaker halting now (empty when none is), as the vetoes state it.</summary>
    public IReadOnlyList<string> ActiveTrips =>
        context is null ? [] : HaltingBreakers(context.Clock.UtcNow).Select(breaker => breaker.Describe()).ToArray();

    /// <inheritdoc />
    public RiskState State => IsHalted ? RiskState.Halted : RiskState.Active;

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        settings.RejectUnknown("maximumConsecutiveLosses", "consecutiveLossCooldownMinutes", "staleAfterBars", "staleDataCooldownMinutes",
            "maximumFillLatencyMilliseconds", "latencyCooldownMinutes");
        MaximumConsecutiveLosses = settings.GetInt32("maximumConsecutiveLosses", 5, minimum: 0, maximum: 1_000);
        losses = new Breaker("consecutive-loss", Minutes(settings.GetInt32("consecutiveLossCooldownMinutes", 240, minimum: 1, maximum: 525_600)));
        StaleAfterBars = settings.GetInt32("staleAfterBars", 3, minimum: 0, maximum: 100_000);
        staleData = new Breaker("stale-data", Minutes(settings.GetInt32("staleDataCooldownMinutes", 15, minimum: 1, maximum: 525_600)));
        MaximumFillLatency = TimeSpan.FromMilliseconds(settings.GetInt32("maximumFillLatencyMilliseconds", 5_000, minimum: 0, maximum: 86_400_000));
        latency = new Breaker("latency", Minutes(settings.GetInt32("latencyCooldownMinutes", 30, minimum: 1, maximum: 525_600)));
        lastBars.Clear();
        this.context = context;

        // What happened before this instance (a hot swap, a restart) is not a new event: only later losses and fills count.
        lossesAlreadyCounted = context.ExecutionQuality.ConsecutiveLosses;
        fillsJudged = context.ExecutionQuality.FillCount;
    }

    /// <inheritdoc />
    public void Observe(in Bar bar)
    {
        if (!lastBars.TryGetValue(bar.Symbol, out var last) || bar.EndTime > last.End)
        {
            lastBars[bar.Symbol] = (bar.EndTime, bar.Interval.Duration);
        }

        Evaluate();
    }

    /// <inheritdoc />
    public RiskAssessment Assess(in OrderIntent intent)
    {
        var now = Evaluate();
        if (intent.IsReducing)
        {
            return RiskAssessment.Approve();
        }

        var halting = HaltingBreakers(now).Select(breaker => breaker.Describe()).ToList();
        if (StaleAfterBars > 0 && !lastBars.ContainsKey(intent.Symbol))
        {
            halting.Add($"stale-data check: no bar of {intent.Symbol} has been seen, so nothing says its data is fresh");
        }

        return halting.Count == 0
            ? RiskAssessment.Approve()
            : RiskAssessment.Veto($"circuit breaker halted new entries: {string.Join("; ", halting)}; only reductions pass");
    }

    private DateTime Evaluate()
    {
        var current = context ?? throw new InvalidOperationException("The circuit breaker was not initialised.");
        var now = current.Clock.UtcNow;
        var quality = current.ExecutionQuality;
        EvaluateLosses(now, quality.ConsecutiveLosses);
        EvaluateLatency(now, quality);
        EvaluateStaleness(now);
        return now;
    }

    private void EvaluateLosses(DateTime now, int consecutive)
    {
        if (consecutive < lossesAlreadyCounted)
        {
            // The streak was broken by a trade that did not lose: counting starts afresh.
            lossesAlreadyCounted = 0;
        }

        var counted = consecutive - lossesAlreadyCounted;
        if (MaximumConsecutiveLosses == 0 || losses.IsHalting(now) || counted < MaximumConsecutiveLosses)
        {
            return;
        }

        losses.Trip(now, Format($"{counted} losing round trips in a row (limit {MaximumConsecutiveLosses})"));
        lossesAlreadyCounted = consecutive;
    }

    private void EvaluateLatency(DateTime now, IExecutionQualityView quality)
    {
        if (quality.FillCount == fillsJudged)
        {
            return;
        }

        fillsJudged = quality.FillCount;
        var last = quality.LastFillLatency;
        if (MaximumFillLatency > TimeSpan.Zero && last > MaximumFillLatency)
        {
            latency.Trip(now, Format($"the last fill took {last.TotalMilliseconds:0.###} ms from sending (limit {MaximumFillLatency.TotalMilliseconds:0.###} ms)"));
        }
    }

    private void EvaluateStaleness(DateTime now)
    {
        if (StaleAfterBars == 0)
        {
            return;
        }

        foreach (var (symbol, (end, length)) in lastBars)
        {
            var age = now - end;
            if (age > length * StaleAfterBars)
            {
                staleData.Trip(now, Format(
                    $"the last {symbol} bar ended at {end:yyyy-MM-dd HH:mm:ss} UTC, {age.TotalMinutes:0.##} min ago = {age / length:0.##} bars of {length.TotalMinutes:0.##} min (limit {StaleAfterBars} bars)"));
                return;
            }
        }
    }

    private IEnumerable<Breaker> HaltingBreakers(DateTime now)
    {
        if (losses.IsHalting(now))
        {
            yield return losses;
        }

        if (staleData.IsHalting(now))
        {
            yield return staleData;
        }

        if (latency.IsHalting(now))
        {
            yield return latency;
        }
    }

    private static TimeSpan Minutes(int minutes) => TimeSpan.FromMinutes(minutes);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
