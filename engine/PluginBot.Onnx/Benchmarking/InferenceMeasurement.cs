namespace PluginBot.Onnx.Benchmarking;

/// <summary>Latency percentiles and managed allocation of single inference calls.</summary>
/// <param name="Iterations">Measured calls (after warm-up).</param>
/// <param name="MedianNanoseconds">The 50th percentile of one call's latency.</param>
/// <param name="Percentile99Nanoseconds">The 99th percentile: what a bar occasionally waits.</param>
/// <param name="MaximumNanoseconds">The slowest call (a GC, a page fault, a context switch).</param>
/// <param name="BytesPerCall">Managed bytes allocated per call on the calling thread; 0 is the target.</param>
public sealed record InferenceMeasurement(int Iterations, double MedianNanoseconds, double Percentile99Nanoseconds, double MaximumNanoseconds, double BytesPerCall);
