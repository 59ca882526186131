using System.Collections.Concurrent;

namespace PluginBot.Engine.Live;

/// <summary>
/// Work other threads (the control API, watchers) hand to a running session's engine thread, which runs it between
/// two events — the only moment engine state may change. Callers get a task that completes with the result.
/// </summary>
public sealed class EngineActionQueue
{
    private readonly ConcurrentQueue<(Action Run, Action<Exception> Fail)> actions = new();
    private readonly SemaphoreSlim signal = new(0);
    private readonly object gate = new();
    private bool closed;

    /// <summary>True while work is waiting for the engine thread.</summary>
    public bool HasWork => !actions.IsEmpty;

    /// <summary>Queues <paramref name="work"/> for the engine thread; the task carries its result or its exception.</summary>
    public Task<T> InvokeAsync<T>(Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (closed)
            {
                // The engine thread has stopped: nothing will drain the queue, so the work runs here (nothing races it now).
                try
                {
                    completion.SetResult(work());
                }
                catch (Exception exception)
                {
                    completion.SetException(exception);
                }

                return completion.Task;
            }

            Enqueue(work, completion);
        }

        signal.Release();
        return completion.Task;
    }

    private void Enqueue<T>(Func<T> work, TaskCompletionSource<T> completion)
    {
        actions.Enqueue((
            () =>
            {
                try
                {
                    completion.SetResult(work());
                }
                catch (Exception exception)
                {
                    completion.SetException(exception);
                }
            },
            exception => completion.TrySetException(exception)));
    }

    /// <summary>Runs every queued action on the calling (engine) thread, in order.</summary>
    public void Drain()
    {
        while (actions.TryDequeue(out var action))
        {
            action.Run();
        }
    }

    /// <summary>Waits until work arrives or <paramref name="timeout"/> passes; true when work arrived.</summary>
    public bool WaitForWork(TimeSpan timeout, CancellationToken cancellation)
    {
        if (!actions.IsEmpty)
        {
            return true;
        }

        try
        {
            return signal.Wait(timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout, cancellation);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Called by the engine thread as it stops: from now on <see cref="InvokeAsync{T}"/> runs work on the caller's
    /// thread, and whatever is still queued runs here, once, in order.
    /// </summary>
    public void Close()
    {
        lock (gate)
        {
            closed = true;
        }

        Drain();
    }

    /// <summary>Fails every action still queued (the session ended before it could run them).</summary>
    public void Abandon(string reason)
    {
        while (actions.TryDequeue(out var action))
        {
            action.Fail(new InvalidOperationException(reason));
        }
    }
}
