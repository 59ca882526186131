using PluginBot.Engine.Feeds;
using PluginBot.Sdk.Market;

namespace PluginBot.Engine.Live;

/// <summary>
/// The live feed until an exchange adapter provides one: recorded bars played at <c>speed</c> times real time
/// (a bar is released when the wall clock has advanced by its distance from the first live bar ÷ speed). Between
/// bars, and while waiting for the next one, it runs the engine-thread work queued by the host (swaps, pause,
/// flatten, queries), so control stays responsive on a slow feed.
/// <para>
/// The first <see cref="ResumeAfterBars"/> bars (those a previous run of this strategy handled before it stopped) are
/// released at once: the session uses them to warm up, not to trade (<see cref="IsWarmingUp"/>). The cursor is a count,
/// not a time, because several symbols' bars share one end time and a run can stop between two of them. <see cref="Resumed"/> runs on the
/// engine thread just before the first bar after that point, where a host restores its persisted state.
/// </para>
/// </summary>
public sealed class PacedReplayFeed : IBarFeed
{
    private readonly IBarFeed inner;
    private readonly double speed;
    private readonly TimeProvider time;
    private readonly EngineActionQueue actions;
    private readonly CancellationToken stop;
    private long wallStart;
    private DateTime firstLiveBarEnd;
    private bool live;
    private bool handledRaised = true;

    /// <summary>Creates the feed.</summary>
    /// <param name="inner">The recorded bars, in time order.</param>
    /// <param name="speed">Replay speed: 60 plays a one-minute bar per second; 0 or less plays as fast as possible.</param>
    /// <param name="time">The wall clock (a fake one in tests).</param>
    /// <param name="actions">Engine-thread work to run between bars.</param>
    /// <param name="stop">Ends the feed (the session then finishes normally).</param>
    public PacedReplayFeed(IBarFeed inner, double speed, TimeProvider time, EngineActionQueue actions, CancellationToken stop)
    {
        this.inner = inner;
        this.speed = speed;
        this.time = time;
        this.actions = actions;
        this.stop = stop;
    }

    /// <summary>How many bars from the start are warm-up for a resumed run.</summary>
    public long ResumeAfterBars { get; init; }

    /// <summary>True while the bar in hand is warm-up (its signals must not trade).</summary>
    public bool IsWarmingUp { get; private set; }

    /// <summary>Bars released so far.</summary>
    public long BarsReleased { get; private set; }

    /// <summary>
    /// Runs once, on the engine thread, before the first bar after the warm-up (<see cref="ResumeAfterBars"/>), or at
    /// the end of the feed when every bar was warm-up (a restart after the replay had finished).
    /// </summary>
    public Action? Resumed { get; init; }

    /// <summary>
    /// Runs on the engine thread with each warm-up bar just before the session handles it (the previous bar is fully
    /// handled by then): where a host replays the previous run's order events that happened up to that bar, so they are
    /// booked between the same bars as they were live.
    /// </summary>
    public Action<Bar>? WarmUpBar { get; init; }

    /// <summary>Runs on the engine thread while the feed waits for the next bar (between two events): the host applies pending swaps here.</summary>
    public Action? BetweenEvents { get; set; }

    /// <summary>
    /// Raised on the engine thread with a live bar's end time and the number of bars handled so far once the session
    /// has fully handled it (the kernel asks for the next bar only then): where a host commits its cursor.
    /// </summary>
    public event Action<DateTime, long>? Handled;

    /// <summary>The end time of the last bar released.</summary>
    public DateTime? LastReleased { get; private set; }

    /// <inheritdoc />
    public long? RemainingCount => inner.RemainingCount;

    /// <inheritdoc />
    public bool TryRead(out Bar bar)
    {
        if (live && LastReleased is { } handled && !handledRaised)
        {
            handledRaised = true;
            Handled?.Invoke(handled, BarsReleased);
        }

        actions.Drain();
        if (stop.IsCancellationRequested || !inner.TryRead(out bar))
        {
            if (!live)
            {
                live = true;
                Resumed?.Invoke();
            }

            bar = default;
            return false;
        }

        BarsReleased++;
        if (BarsReleased <= ResumeAfterBars)
        {
            IsWarmingUp = true;
            WarmUpBar?.Invoke(bar);
            LastReleased = bar.EndTime;
            return true;
        }

        IsWarmingUp = false;

        if (!live)
        {
            live = true;
            Resumed?.Invoke();
            wallStart = time.GetTimestamp();
            firstLiveBarEnd = bar.EndTime;
        }

        if (speed > 0)
        {
            var due = TimeSpan.FromTicks((long)((bar.EndTime - firstLiveBarEnd).Ticks / speed));
            while (true)
            {
                actions.Drain();
                BetweenEvents?.Invoke();
                var waited = time.GetElapsedTime(wallStart);
                if (waited >= due || stop.IsCancellationRequested)
                {
                    break;
                }

                actions.WaitForWork(due - waited, stop);
            }
        }

        actions.Drain();
        if (stop.IsCancellationRequested)
        {
            bar = default;
            return false;
        }

        LastReleased = bar.EndTime;
        handledRaised = false;
        return true;
    }
}
