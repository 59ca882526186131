using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace PluginBot.Scripting.Runtime;

/// <summary>
/// The per-event time budget of script code. A script cannot be preempted safely (aborting a thread is not supported
/// on .NET), so the compiler plants a call to <see cref="Tick"/> at the start of every loop body and every method,
/// accessor, local function and lambda body of a script; the engine opens a budget around each event with
/// <see cref="Begin"/> and closes it with <see cref="End"/>. A runaway loop or recursion then throws
/// <see cref="ScriptBudgetExceededException"/> on the engine thread instead of hanging or crashing it.
/// </summary>
/// <remarks>
/// The deadline is per thread, because each strategy instance runs on its own kernel thread. Scripts may call
/// <see cref="Tick"/> themselves (harmless), but the sandbox refuses <see cref="Begin"/> and <see cref="End"/> in script
/// code: a script that could close or widen its own budget could run forever.
/// </remarks>
public static class ScriptBudget
{
    // 0 means "no budget open": the common check in Tick is then one thread-static read.
    [ThreadStatic]
    private static long deadlineTimestamp;

    [ThreadStatic]
    private static long budgetTicks;

    /// <summary>True while a budget is open on the calling thread.</summary>
    public static bool IsActive => deadlineTimestamp != 0;

    /// <summary>Opens a budget of <paramref name="budget"/> from now on the calling thread, replacing any open one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The budget is zero or negative.</exception>
    public static void Begin(TimeSpan budget)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(budget, TimeSpan.Zero);
        var ticks = (long)Math.Ceiling(budget.TotalSeconds * Stopwatch.Frequency);
        budgetTicks = Math.Max(1, ticks);
        deadlineTimestamp = Stopwatch.GetTimestamp() + budgetTicks;
    }

    /// <summary>Closes the calling thread's budget; script code then runs unlimited until the next <see cref="Begin"/>.</summary>
    /// <returns>
    /// True when the budget had run out, even if the script caught the exception and returned normally: the engine
    /// counts the event as over budget either way.
    /// </returns>
    public static bool End()
    {
        var exceeded = deadlineTimestamp != 0 && Stopwatch.GetTimestamp() > deadlineTimestamp;
        deadlineTimestamp = 0;
        budgetTicks = 0;
        return exceeded;
    }

    /// <summary>
    /// The check planted into script code: throws when the open budget has run out, or when the stack is about to
    /// overflow. The stack check runs even without a budget, because a stack overflow cannot be caught and would end
    /// the whole engine process, not just the script.
    /// </summary>
    /// <exception cref="ScriptBudgetExceededException">The budget ran out or the recursion is too deep.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Tick()
    {
        var deadline = deadlineTimestamp;
        if (deadline != 0 && Stopwatch.GetTimestamp() > deadline)
        {
            ThrowBudgetExceeded();
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            ThrowStackExhausted();
        }
    }

    /// <summary>
    /// <see cref="Tick"/> as an expression, for the field initializers the compiler plants: initializers run before a
    /// constructor's body, so a recursion through them would otherwise never reach a check.
    /// </summary>
    /// <returns>Always true.</returns>
    public static bool TickInInitializer()
    {
        Tick();
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBudgetExceeded()
    {
        // The deadline deliberately stays set: a script that catches this exception hits the next check at once,
        // so catching it cannot buy more time. The engine closes the budget with End when the event is over.
        var budget = TimeSpan.FromSeconds((double)budgetTicks / Stopwatch.Frequency);
        throw new ScriptBudgetExceededException(
            $"The script exceeded its time budget of {budget.TotalMilliseconds:0.###} ms for one event (a runaway loop or recursion?).");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowStackExhausted() =>
        throw new ScriptBudgetExceededException("The script's recursion is too deep: the stack would overflow.");
}
