using System.Diagnostics;

namespace PluginBot.Onnx.Benchmarking;

/// <summary>
/// Times single-row inference the way the engine runs it: copy one row of features in, run, read the output, on one
/// thread. Every call is timed on its own, so the tail (p99) is visible and not averaged away; the timings array is
/// allocated before measuring so the allocation count is the session's alone.
/// </summary>
public static class InferenceBenchmark
{
    /// <summary>Runs <paramref name="warmUp"/> unmeasured calls, then <paramref name="iterations"/> timed ones.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is not positive.</exception>
    /// <exception cref="OnnxShapeException"><paramref name="input"/> is not one row of the session's input.</exception>
    public static InferenceMeasurement Measure(OnnxSession session, ReadOnlySpan<float> input, int warmUp, int iterations)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfNegative(warmUp);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);
        for (var call = 0; call < warmUp; call++)
        {
            session.Run(input, 1);
        }

        var ticks = new long[iterations];
        var checksum = 0f;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var call = 0; call < iterations; call++)
        {
            var started = Stopwatch.GetTimestamp();
            var output = session.Run(input, 1);
            ticks[call] = Stopwatch.GetTimestamp() - started;
            checksum += output[0];
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        if (float.IsNaN(checksum))
        {
            // Reading the output keeps the run observable; a NaN means the model or the input is broken.
            throw new InvalidOperationException($"The model '{session.ModelName}' produced NaN during the benchmark.");
        }

        Array.Sort(ticks);
        var nanosecondsPerTick = 1e9 / Stopwatch.Frequency;
        return new InferenceMeasurement(
            iterations,
            Percentile(ticks, 0.50) * nanosecondsPerTick,
            Percentile(ticks, 0.99) * nanosecondsPerTick,
            ticks[^1] * nanosecondsPerTick,
            (double)allocated / iterations);
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    internal static long Percentile(long[] sorted, double fraction)
    {
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
