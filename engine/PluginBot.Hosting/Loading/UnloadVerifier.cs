namespace PluginBot.Hosting.Loading;

/// <summary>
/// Checks that an unloaded plugin context has really been collected. Unloading is only a request: any reference
/// left anywhere (an instance, a delegate, a cached Type) silently keeps the whole plugin in memory, and the only
/// reliable proof is a weak reference that dies.
/// </summary>
public static class UnloadVerifier
{
    private const int AttemptsWithoutPause = 3;
    private const int LongestPauseMilliseconds = 100;

    /// <summary>
    /// Runs full garbage collections (with finalizers, which the unload itself needs) until
    /// <paramref name="reference"/> is dead or <paramref name="maximumAttempts"/> rounds have run.
    /// </summary>
    /// <remarks>
    /// After the first few rounds it pauses briefly (growing to 100 ms) between rounds: another thread may hold a
    /// plugin's assembly for a moment without leaking it, for example while the framework's cache clearing walks
    /// every loaded assembly during another plugin's unload. A real leak still fails, after about a second with the
    /// default attempt count.
    /// </remarks>
    /// <returns>True when the referenced context was collected.</returns>
    public static bool WaitForCollection(WeakReference reference, int maximumAttempts = 20)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximumAttempts);
        for (var attempt = 0; attempt < maximumAttempts && reference.IsAlive; attempt++)
        {
            if (attempt >= AttemptsWithoutPause)
            {
                Thread.Sleep(Math.Min(10 * (attempt - AttemptsWithoutPause + 1), LongestPauseMilliseconds));
            }

            // Unloading takes several rounds: the context's finalizer runs first, then its loader allocator is freed.
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        GC.Collect();
        return !reference.IsAlive;
    }
}
