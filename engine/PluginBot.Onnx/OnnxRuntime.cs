using System.Runtime.InteropServices;
using PluginBot.Onnx.Native;

namespace PluginBot.Onnx;

/// <summary>
/// A loaded ONNX Runtime library and its environment: the entry point for creating sessions. The library is called
/// through its C API (<c>OrtGetApiBase</c> → <c>GetApi</c>) because the managed NuGet packages are not available here;
/// it is found by <see cref="OnnxRuntimeOptions"/>, then <see cref="PathVariable"/>, then the repository's
/// <see cref="DefaultRelativePath"/>.
/// </summary>
/// <remarks>
/// Disposing releases the environment once every session created from it is disposed too (sessions keep it alive).
/// The native library itself stays loaded for the life of the process: unloading ONNX Runtime while its thread pools
/// may still exist is unsafe, and a second load of the same file reuses the first.
/// </remarks>
public sealed unsafe class OnnxRuntime : IDisposable
{
    /// <summary>The environment variable naming the library file, for machines where it is not in the repository.</summary>
    public const string PathVariable = "PLUGINBOT_ONNXRUNTIME_PATH";

    /// <summary>Where <c>scripts/setup-onnxruntime.sh</c> installs the library, relative to the repository root.</summary>
    public const string DefaultRelativePath = "artifacts/native/onnxruntime/libonnxruntime.so.1";

    private const string CudaProviderName = "CUDAExecutionProvider";
    private const int ErrorLoggingLevel = 3;

    private readonly OrtApi api;
    private readonly IntPtr library;
    private readonly OrtHandle environment;

    private OnnxRuntime(string libraryPath, IntPtr library, OrtApi api, string version)
    {
        LibraryPath = libraryPath;
        this.library = library;
        this.api = api;
        Version = version;
        IntPtr environmentPointer;
        var logIdentifier = "PluginBot"u8;
        fixed (byte* name = logIdentifier)
        {
            // The literal has no terminator in the span, but u8 literals are NUL-terminated in memory.
            api.Check(api.CreateEnv(ErrorLoggingLevel, name, &environmentPointer), "Creating the ONNX Runtime environment");
        }

        environment = OrtHandle.Create(environmentPointer, api.ReleaseEnv);
        AvailableProviders = ReadProviders();
    }

    /// <summary>The library file that was loaded.</summary>
    public string LibraryPath { get; }

    /// <summary>The library's version, for example "1.30.0".</summary>
    public string Version { get; }

    /// <summary>The execution providers compiled into the library, for example ["CPUExecutionProvider"].</summary>
    public IReadOnlyList<string> AvailableProviders { get; }

    internal OrtApi Api => api;

    /// <summary>
    /// Loads the library and creates an environment.
    /// </summary>
    /// <exception cref="OnnxRuntimeLoadException">The library was not found, is not ONNX Runtime, or is too old; the message lists where it looked and how to fix it.</exception>
    public static OnnxRuntime Load(OnnxRuntimeOptions? options = null) =>
        Load(options ?? OnnxRuntimeOptions.Default, Environment.GetEnvironmentVariable);

    internal static OnnxRuntime Load(OnnxRuntimeOptions options, Func<string, string?> readEnvironment)
    {
        var (candidates, source) = OnnxRuntimeLocator.FindCandidates(options, readEnvironment);
        var path = candidates.FirstOrDefault(File.Exists);
        if (path is null)
        {
            throw new OnnxRuntimeLoadException(
                $"The ONNX Runtime library was not found (looked at {source}: {string.Join(", ", candidates)}). "
                + $"Run scripts/setup-onnxruntime.sh to install it as {DefaultRelativePath}, or set {PathVariable} to the path of libonnxruntime.so.1.",
                candidates);
        }

        IntPtr library;
        try
        {
            library = NativeLibrary.Load(path);
        }
        catch (Exception exception) when (exception is DllNotFoundException or BadImageFormatException)
        {
            throw new OnnxRuntimeLoadException(
                $"'{path}' (from {source}) could not be loaded as a native library: {exception.Message} "
                + $"Run scripts/setup-onnxruntime.sh to install a working copy, or set {PathVariable} to another libonnxruntime.so.1.",
                candidates,
                exception);
        }

        if (!NativeLibrary.TryGetExport(library, "OrtGetApiBase", out var getApiBase))
        {
            throw new OnnxRuntimeLoadException(
                $"'{path}' (from {source}) is not an ONNX Runtime library: it has no OrtGetApiBase export. "
                + $"Run scripts/setup-onnxruntime.sh, or set {PathVariable} to the path of libonnxruntime.so.1.",
                candidates);
        }

        // OrtApiBase is { const OrtApi* (*GetApi)(uint32_t version); const char* (*GetVersionString)(void); }.
        var apiBase = (IntPtr*)((delegate* unmanaged<IntPtr>)getApiBase)();
        var version = Marshal.PtrToStringUTF8((IntPtr)((delegate* unmanaged<byte*>)apiBase[1])()) ?? "unknown";
        var table = ((delegate* unmanaged<uint, IntPtr>)apiBase[0])(OrtApi.RequestedVersion);
        if (table == IntPtr.Zero)
        {
            throw new OnnxRuntimeLoadException(
                $"'{path}' (from {source}) is ONNX Runtime {version}, which is too old: the binding needs C API version {OrtApi.RequestedVersion} "
                + $"(ONNX Runtime 1.{OrtApi.RequestedVersion} or later). Run scripts/setup-onnxruntime.sh to install 1.30.0, or set {PathVariable} to a newer library.",
                candidates);
        }

        return new OnnxRuntime(path, library, new OrtApi(table), version);
    }

    /// <summary>Creates a session over a model file.</summary>
    /// <remarks>
    /// When <see cref="OnnxSessionOptions.BatchSizes"/> holds a single size and the model's batch dimension is symbolic
    /// (exported with a dynamic batch), that dimension is fixed to the size at load (ONNX Runtime's free dimension
    /// override). The runtime then sees static shapes and folds what an exporter emits for a dynamic batch — the
    /// Shape → Gather → Concat → ConstantOfShape chain building an LSTM's zero initial state, the batch-major transpose —
    /// into constants, instead of running those nodes on every call. The same file still serves several batch sizes
    /// when they are asked for, unpinned. The model is loaded twice in that case (once to read the declared signature),
    /// and when profiling is on.
    /// </remarks>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="OnnxRuntimeException">The file is not a valid model (the message names it) or the runtime refused the options.</exception>
    /// <exception cref="OnnxShapeException">The model's input or output cannot be served with the requested batch sizes.</exception>
    /// <exception cref="NotSupportedException">CUDA was requested and the library has none, or the model's inputs are not supported.</exception>
    public OnnxSession CreateSession(string modelPath, OnnxSessionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        ObjectDisposedException.ThrowIf(environment.IsClosed, this);
        var fullPath = Path.GetFullPath(modelPath);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"The model file '{fullPath}' does not exist.", fullPath);
        }

        using var pathText = NativeBlock.ForUtf8(fullPath);
        return Open(new ModelSource((byte*)pathText.Pointer, null, 0), fullPath, options ?? OnnxSessionOptions.Default);
    }

    /// <summary>Creates a session over a model held in memory; <paramref name="modelName"/> names it in errors.</summary>
    /// <remarks>The batch dimension is pinned as for <see cref="CreateSession(string, OnnxSessionOptions?)"/>.</remarks>
    /// <exception cref="OnnxRuntimeException">The bytes are not a valid model or the runtime refused the options.</exception>
    /// <exception cref="OnnxShapeException">The model's input or output cannot be served with the requested batch sizes.</exception>
    /// <exception cref="NotSupportedException">CUDA was requested and the library has none, or the model's inputs are not supported.</exception>
    public OnnxSession CreateSession(ReadOnlySpan<byte> model, string modelName, OnnxSessionOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(environment.IsClosed, this);
        fixed (byte* data = model)
        {
            return Open(new ModelSource(null, data, (nuint)model.Length), modelName, options ?? OnnxSessionOptions.Default);
        }
    }

    /// <summary>Releases the environment (after the last session created from it is disposed). Safe to call twice.</summary>
    public void Dispose() => environment.Dispose();

    private OnnxSession Open(ModelSource source, string modelName, OnnxSessionOptions options)
    {
        using var sessionOptions = CreateSessionOptions(options);
        var session = Load(source, sessionOptions, modelName);
        var batchDimensionFixed = false;
        try
        {
            var signature = SessionSignature.Read(api, session.DangerousGetHandle(), modelName, options.OutputName);
            var sizes = options.BatchSizes?.Distinct().ToArray() ?? [];
            if (sizes is [> 0] && signature.BatchDimensionName is { } batchName)
            {
                using var nameText = NativeBlock.ForUtf8(batchName);
                api.Check(api.AddFreeDimensionOverrideByName(sessionOptions.DangerousGetHandle(), (byte*)nameText.Pointer, sizes[0]), $"Fixing the batch dimension '{batchName}' of model '{modelName}'");
                batchDimensionFixed = true;
            }

            if (options.ProfilingFilePrefix is not null)
            {
                // Only the serving session profiles: a first session loaded just to read the signature would leave
                // a second, empty profile beside it.
                using var prefix = NativeBlock.ForUtf8(options.ProfilingFilePrefix);
                api.Check(api.EnableProfiling(sessionOptions.DangerousGetHandle(), (byte*)prefix.Pointer), "Enabling profiling");
            }

            if (batchDimensionFixed || options.ProfilingFilePrefix is not null)
            {
                // The first session told us the declared signature and the batch dimension's name; the serving session
                // is loaded again with the dimension fixed (and profiling on).
                session.Dispose();
                session = Load(source, sessionOptions, modelName);
            }

            return new OnnxSession(api, session, modelName, options, signature, batchDimensionFixed);
        }
        catch
        {
            // OnnxSession releases the handle itself when its constructor fails; disposing twice is safe.
            session.Dispose();
            throw;
        }
    }

    private OrtHandle Load(ModelSource source, OrtHandle sessionOptions, string modelName)
    {
        IntPtr session;
        var status = source.Path is not null
            ? api.CreateSession(environment.DangerousGetHandle(), source.Path, sessionOptions.DangerousGetHandle(), &session)
            : api.CreateSessionFromArray(environment.DangerousGetHandle(), source.Data, source.Length, sessionOptions.DangerousGetHandle(), &session);
        api.Check(status, $"Loading the model '{modelName}'");
        return OrtHandle.Create(session, api.ReleaseSession, environment);
    }

    private OrtHandle CreateSessionOptions(OnnxSessionOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.IntraOpThreads, nameof(options.IntraOpThreads));
        ArgumentOutOfRangeException.ThrowIfNegative(options.InterOpThreads, nameof(options.InterOpThreads));
        IntPtr pointer;
        api.Check(api.CreateSessionOptions(&pointer), "Creating session options");
        var handle = OrtHandle.Create(pointer, api.ReleaseSessionOptions);
        try
        {
            api.Check(api.SetIntraOpNumThreads(pointer, options.IntraOpThreads), "Setting intra-op threads");
            api.Check(api.SetInterOpNumThreads(pointer, options.InterOpThreads), "Setting inter-op threads");
            // Parallel execution only pays when more than one inter-op thread may run independent branches.
            api.Check(api.SetSessionExecutionMode(pointer, options.InterOpThreads > 1 ? 1 : 0), "Setting the execution mode");
            api.Check(api.SetSessionGraphOptimizationLevel(pointer, (int)options.OptimizationLevel), "Setting the graph optimisation level");
            api.Check(options.EnableMemoryPattern ? api.EnableMemPattern(pointer) : api.DisableMemPattern(pointer), "Setting the memory pattern");
            api.Check(options.EnableCpuMemoryArena ? api.EnableCpuMemArena(pointer) : api.DisableCpuMemArena(pointer), "Setting the CPU memory arena");
            // Written even when they match the runtime's defaults, so a session behaves the same on every library version.
            var spinning = options.AllowSpinning ? "1" : "0";
            AddConfigurationEntry(pointer, "session.intra_op.allow_spinning", spinning);
            AddConfigurationEntry(pointer, "session.inter_op.allow_spinning", spinning);
            AddConfigurationEntry(pointer, "session.set_denormal_as_zero", options.DenormalsAsZero ? "1" : "0");
            foreach (var (key, value) in options.ConfigurationEntries)
            {
                AddConfigurationEntry(pointer, key, value);
            }

            if (options.ExecutionProvider == OnnxExecutionProvider.Cuda)
            {
                AppendCuda(pointer, options.CudaDeviceId);
            }

            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private void AddConfigurationEntry(IntPtr sessionOptions, string key, string value)
    {
        using var keyText = NativeBlock.ForUtf8(key);
        using var valueText = NativeBlock.ForUtf8(value);
        api.Check(api.AddSessionConfigEntry(sessionOptions, (byte*)keyText.Pointer, (byte*)valueText.Pointer), $"Setting the session configuration entry '{key}' to '{value}'");
    }

    private void AppendCuda(IntPtr sessionOptions, int deviceId)
    {
        // The npm build lists CUDA among its providers but ships without the provider library it loads on demand
        // (libonnxruntime_providers_cuda.so), so "listed" is not "usable": only appending it tells.
        var hint = $"The npm build installed by scripts/setup-onnxruntime.sh is CPU-only: point {PathVariable} at a CUDA build of ONNX Runtime "
            + "(with its CUDA provider library and CUDA/cuDNN installed), or use the CPU execution provider.";
        if (!AvailableProviders.Contains(CudaProviderName)
            || !NativeLibrary.TryGetExport(library, "OrtSessionOptionsAppendExecutionProvider_CUDA", out var append))
        {
            throw new NotSupportedException(
                $"The CUDA execution provider was requested, but the ONNX Runtime {Version} at '{LibraryPath}' has none "
                + $"(available: {string.Join(", ", AvailableProviders)}). {hint}");
        }

        var status = ((delegate* unmanaged<IntPtr, int, IntPtr>)append)(sessionOptions, deviceId);
        if (status != IntPtr.Zero)
        {
            var failure = api.ToException(status, $"Adding the CUDA execution provider (device {deviceId})");
            throw new NotSupportedException(
                $"The CUDA execution provider was requested, but the ONNX Runtime {Version} at '{LibraryPath}' cannot use it: {failure.RuntimeMessage} {hint}",
                failure);
        }
    }

    private string[] ReadProviders()
    {
        byte** names;
        int count;
        api.Check(api.GetAvailableProviders(&names, &count), "Listing execution providers");
        var providers = new string[count];
        for (var index = 0; index < count; index++)
        {
            providers[index] = Marshal.PtrToStringUTF8((IntPtr)names[index]) ?? string.Empty;
        }

        api.Check(api.ReleaseAvailableProviders(names, count), "Releasing the provider list");
        return providers;
    }
}
