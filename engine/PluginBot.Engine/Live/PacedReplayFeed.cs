using PluginBot.Engine.Feeds;
using PluginBot.Sdk.Market;

namespace PluginBot.Engine.Live;

/// <summary>
/// The live feed until an exchange adapter provides one: recorded bars played at <c>speed</c> times real time
/// (a bar is released when the wall clock has advanced by its distance from the first live bar ÷ speed). Between
/// bars, and while waiting for the next one, it runs the engine-thread work queued by the host (swaps, pause,
/// flatten, queries), so control stays responsive on a slow feed.
/// <para>
/// Bars ending at or before <see cref="ResumeAfter"/> (the last bar a previous run of this strategy handled before it
/// stopped) are released at once: the session uses them to warm up, not to trade. <see cref="Resumed"/> runs on the
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

    /// <summary>Bars ending at or before this time are warm-up for a resumed run.</summary>
    public DateTime? ResumeAfter { get; init; }

    /// <summary>Runs once, on the engine thread, before the first bar after <see cref="ResumeAfter"/> (or the first bar).</summary>
    public Action? Resumed { get; init; }

    /// <summary>
    /// Raised on the engine thread with a live bar's end time once the session has fully handled it (the kernel asks
    /// for the next bar only then): where a host commits its cursor, so a resumed run starts after it.
    /// </summary>
    public event Action<DateTime>? Handled;

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
            Handled?.Invoke(handled);
        }

        actions.Drain();
        if (stop.IsCancellationRequested || !inner.TryRead(out bar))
        {
            bar = default;
            return false;
        }

        if (bar.EndTime <= ResumeAfter)
        {
            LastReleased = bar.EndTime;
            return true;
        }

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
