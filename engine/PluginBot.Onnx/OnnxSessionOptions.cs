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

    /// <summary>
    /// Whether idle intra-op and inter-op pool threads spin before sleeping (the runtime's default). Spinning shortens
    /// the hand-off between operators when a pool has more than one thread, but burns a core per pool thread between
    /// bars; with one thread (the default here) there is no pool and it changes nothing.
    /// </summary>
    public bool AllowSpinning { get; init; } = true;

    /// <summary>
    /// Whether denormal floats are flushed to zero on the session's threads. Denormals (|x| &lt; 1.2e-38) are many
    /// times slower on x86; a trained network's tiny activations change by less than the model's own rounding.
    /// </summary>
    public bool DenormalsAsZero { get; init; }

    /// <summary>
    /// Whether the runtime plans all intermediate tensors of a run as one block, computed once per input shape. It
    /// saves per-run allocation of many intermediates; the plan costs memory for each batch size seen.
    /// </summary>
    public bool EnableMemoryPattern { get; init; } = true;

    /// <summary>Whether CPU tensors are carved from a reused arena rather than taken from and returned to malloc per run.</summary>
    public bool EnableCpuMemoryArena { get; init; } = true;

    /// <summary>
    /// When set, the runtime writes a Chrome-trace JSON of every run (per operator timings) to a file whose name starts
    /// with this prefix, when the session is disposed. A diagnostic: profiling adds work to every run.
    /// </summary>
    public string? ProfilingFilePrefix { get; init; }

    /// <summary>
    /// Further ONNX Runtime session configuration entries (onnxruntime_session_options_config_keys.h), applied after the
    /// typed options above so a caller can try a runtime switch without a new binding release.
    /// </summary>
    public IReadOnlyDictionary<string, string> ConfigurationEntries { get; init; } = new Dictionary<string, string>();
}
