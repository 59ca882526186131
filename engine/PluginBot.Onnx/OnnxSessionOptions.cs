namespace PluginBot.Onnx;

/// <summary>How a session is created.</summary>
/// <remarks>
/// One thread for each is the default: the engine runs one event loop thread per strategy, and small models run
/// faster without a thread pool handing work around. Inter-op threads only matter when above 1, which switches the
/// session to parallel execution of independent graph branches.
/// </remarks>
public sealed record OnnxSessionOptions
{
    /// <summary>The defaults: one thread, all optimisations, CPU, batch size 1.</summary>
    public static OnnxSessionOptions Default { get; } = new();

    /// <summary>Threads used inside one operator (0 lets ONNX Runtime choose).</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Threads used to run independent operators at once (0 lets ONNX Runtime choose).</summary>
    public int InterOpThreads { get; init; } = 1;

    /// <summary>How much the graph is rewritten at load.</summary>
    public OnnxGraphOptimizationLevel OptimizationLevel { get; init; } = OnnxGraphOptimizationLevel.All;

    /// <summary>Where the session runs; CUDA fails clearly when the library has no CUDA provider.</summary>
    public OnnxExecutionProvider ExecutionProvider { get; init; } = OnnxExecutionProvider.Cpu;

    /// <summary>The CUDA device, when <see cref="ExecutionProvider"/> is CUDA.</summary>
    public int CudaDeviceId { get; init; }

    /// <summary>
    /// The batch sizes (rows per run) the session prepares input and output tensors for. Tensors are created once per
    /// size at session creation, which is what keeps a run free of allocation; a run with any other size is refused.
    /// </summary>
    public IReadOnlyList<int> BatchSizes { get; init; } = [1];

    /// <summary>The output to read; null takes the model's first output.</summary>
    public string? OutputName { get; init; }
}
