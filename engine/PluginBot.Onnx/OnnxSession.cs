using System.Globalization;
using PluginBot.Onnx.Native;

namespace PluginBot.Onnx;

/// <summary>
/// One loaded model ready to run: its input and output names and shapes as the model declares them, and input and
/// output tensors created once at construction over native buffers, one pair per prepared batch size. A run copies
/// (or writes in place) the input rows, calls the runtime, and reads the output from the same buffer every time, so
/// inference allocates no managed memory.
/// </summary>
/// <remarks>
/// A session is used by one thread at a time (the engine's event loop): the buffers are shared between runs. Spans
/// returned by <see cref="GetInput"/> and <see cref="Run(int)"/> point into native memory and are valid until the next
/// run or until the session is disposed.
/// </remarks>
public sealed unsafe class OnnxSession : IDisposable
{
    private const int FloatElementType = 1;

    private readonly OrtApi api;
    private readonly OrtHandle session;
    private readonly int[] batchSizes;
    private readonly NativeBlock inputBuffer;
    private readonly NativeBlock outputBuffer;
    private readonly NativeBlock inputName;
    private readonly NativeBlock outputName;

    // Per prepared batch size: [input name, output name, input value, output value] so a run passes pointers into it.
    private readonly NativeBlock[] runArguments;
    private readonly List<OrtHandle> tensors = [];
    private bool disposed;

    internal OnnxSession(OrtApi api, OrtHandle session, string modelName, OnnxSessionOptions options, SessionSignature signature, bool batchDimensionFixed)
    {
        this.api = api;
        this.session = session;
        ModelName = modelName;
        BatchDimensionFixed = batchDimensionFixed;
        try
        {
            (InputName, InputShape, OutputName, OutputShape) = (signature.InputName, signature.InputShape, signature.OutputName, signature.OutputShape);
            InputRowLength = RowLength("input", InputName, InputShape);
            OutputRowLength = RowLength("output", OutputName, OutputShape);
            batchSizes = CheckBatchSizes(options.BatchSizes);
            var largest = batchSizes.Max();
            inputBuffer = NativeBlock.ForFloats(largest * InputRowLength);
            outputBuffer = NativeBlock.ForFloats(largest * OutputRowLength);
            inputName = NativeBlock.ForUtf8(InputName);
            outputName = NativeBlock.ForUtf8(OutputName);
            runArguments = new NativeBlock[batchSizes.Length];
            for (var index = 0; index < batchSizes.Length; index++)
            {
                runArguments[index] = PrepareRun(batchSizes[index]);
            }
        }
        catch
        {
            ReleaseAll();
            throw;
        }
    }

    /// <summary>The model file (or the name given for an in-memory model), for messages.</summary>
    public string ModelName { get; }

    /// <summary>The model's only input, for example "features".</summary>
    public string InputName { get; }

    /// <summary>The input's declared shape, for example [batch, 46] or [batch, 32, 46].</summary>
    public TensorShape InputShape { get; }

    /// <summary>The output that is read, for example "probabilities".</summary>
    public string OutputName { get; }

    /// <summary>The output's declared shape, for example [batch, 2].</summary>
    public TensorShape OutputShape { get; }

    /// <summary>Floats per batch row of input: sequence length × feature count.</summary>
    public int InputRowLength { get; }

    /// <summary>Floats per batch row of output, for example the class count.</summary>
    public int OutputRowLength { get; }

    /// <summary>The input's last dimension: the features per time step.</summary>
    public int FeatureCount => (int)InputShape.Dimensions[^1];

    /// <summary>Time steps per row for sequence models ([batch, sequence, features]); 1 for [batch, features].</summary>
    public int SequenceLength => InputShape.Rank == 3 ? (int)InputShape.Dimensions[1] : 1;

    /// <summary>The batch sizes the session was prepared for, ascending.</summary>
    public IReadOnlyList<int> BatchSizes => batchSizes;

    /// <summary>
    /// True when the model's symbolic batch dimension was fixed to the only prepared batch size at load, so the runtime
    /// planned the graph for static shapes (see <see cref="OnnxRuntime.CreateSession(string, OnnxSessionOptions?)"/>).
    /// <see cref="InputShape"/> still shows the shape the model declares.
    /// </summary>
    public bool BatchDimensionFixed { get; }

    /// <summary>
    /// Checks that rows of <paramref name="sequenceLength"/> × <paramref name="featureCount"/> are what the model reads,
    /// so a caller refuses a model at load rather than failing on the first bar.
    /// </summary>
    /// <exception cref="OnnxShapeException">The model expects another shape; both are named.</exception>
    public void RequireInputShape(int sequenceLength, int featureCount)
    {
        if (sequenceLength != SequenceLength || featureCount != FeatureCount)
        {
            var offered = InputShape.Rank == 3 || sequenceLength != 1
                ? string.Create(CultureInfo.InvariantCulture, $"[batch, {sequenceLength}, {featureCount}]")
                : string.Create(CultureInfo.InvariantCulture, $"[batch, {featureCount}]");
            throw new OnnxShapeException($"input '{InputName}' of model '{ModelName}'", InputShape.ToString(), offered);
        }
    }

    /// <summary>
    /// The input buffer for a run of <paramref name="batchSize"/> rows, to write features into without a copy.
    /// </summary>
    /// <exception cref="OnnxShapeException">The session was not prepared for that batch size.</exception>
    public Span<float> GetInput(int batchSize)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        SlotOf(batchSize);
        return new Span<float>(inputBuffer.Pointer, batchSize * InputRowLength);
    }

    /// <summary>Runs the model on the first <paramref name="batchSize"/> rows already in <see cref="GetInput"/>.</summary>
    /// <returns><paramref name="batchSize"/> × <see cref="OutputRowLength"/> floats, row after row.</returns>
    /// <exception cref="OnnxShapeException">The session was not prepared for that batch size.</exception>
    /// <exception cref="OnnxRuntimeException">The runtime failed.</exception>
    public ReadOnlySpan<float> Run(int batchSize)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var arguments = (IntPtr*)runArguments[SlotOf(batchSize)].Pointer;
        var status = api.Run(session.DangerousGetHandle(), IntPtr.Zero, &arguments[0], &arguments[2], 1, &arguments[1], 1, &arguments[3]);
        if (status != IntPtr.Zero)
        {
            throw api.ToException(status, $"Running the model '{ModelName}'");
        }

        return new ReadOnlySpan<float>(outputBuffer.Pointer, batchSize * OutputRowLength);
    }

    /// <summary>Copies <paramref name="input"/> (<paramref name="batchSize"/> rows) into the input buffer and runs.</summary>
    /// <exception cref="OnnxShapeException">The input does not hold <paramref name="batchSize"/> whole rows, or the batch size was not prepared.</exception>
    /// <exception cref="OnnxRuntimeException">The runtime failed.</exception>
    public ReadOnlySpan<float> Run(ReadOnlySpan<float> input, int batchSize)
    {
        var destination = GetInput(batchSize);
        if (input.Length != destination.Length)
        {
            throw new OnnxShapeException(
                $"input '{InputName}' of model '{ModelName}'",
                string.Create(CultureInfo.InvariantCulture, $"{Describe(batchSize)} ({destination.Length} floats)"),
                string.Create(CultureInfo.InvariantCulture, $"{input.Length} floats"));
        }

        input.CopyTo(destination);
        return Run(batchSize);
    }

    /// <summary>Releases the tensors, the session and the buffers. Safe to call twice; any later use throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        ReleaseAll();
    }

    private string Describe(int batchSize)
    {
        var dimensions = InputShape.Dimensions.Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray();
        dimensions[0] = batchSize.ToString(CultureInfo.InvariantCulture);
        return $"[{string.Join(", ", dimensions)}]";
    }

    private int SlotOf(int batchSize)
    {
        for (var index = 0; index < batchSizes.Length; index++)
        {
            if (batchSizes[index] == batchSize)
            {
                return index;
            }
        }

        throw new OnnxShapeException(
            $"session of model '{ModelName}'",
            $"a batch size of {string.Join(" or ", batchSizes)}",
            batchSize.ToString(CultureInfo.InvariantCulture));
    }

    private int[] CheckBatchSizes(IReadOnlyList<int> requested)
    {
        if (requested is null || requested.Count == 0)
        {
            throw new ArgumentException("At least one batch size must be prepared.", nameof(requested));
        }

        var sizes = requested.Distinct().Order().ToArray();
        foreach (var size in sizes)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size, nameof(OnnxSessionOptions.BatchSizes));
            if (!InputShape.IsDynamic(0) && InputShape.Dimensions[0] != size)
            {
                throw new OnnxShapeException($"input '{InputName}' of model '{ModelName}'", InputShape.ToString(), Describe(size));
            }
        }

        return sizes;
    }

    private static int RowLength(string role, string name, TensorShape shape)
    {
        if (shape.Rank < 2)
        {
            throw new NotSupportedException($"The {role} '{name}' has shape {shape}; a batch dimension followed by at least one more is required.");
        }

        long length = 1;
        for (var index = 1; index < shape.Rank; index++)
        {
            if (shape.IsDynamic(index) || shape.Dimensions[index] == 0)
            {
                throw new NotSupportedException($"The {role} '{name}' has shape {shape}: only the batch dimension may be dynamic, so tensors can be prepared once.");
            }

            length *= shape.Dimensions[index];
        }

        return checked((int)length);
    }

    private NativeBlock PrepareRun(int batchSize)
    {
        var arguments = NativeBlock.ForPointers(4);
        var slots = (IntPtr*)arguments.Pointer;
        slots[0] = (IntPtr)inputName.Pointer;
        slots[1] = (IntPtr)outputName.Pointer;
        slots[2] = CreateTensor(inputBuffer, InputShape, batchSize, InputRowLength);
        slots[3] = CreateTensor(outputBuffer, OutputShape, batchSize, OutputRowLength);
        return arguments;
    }

    private IntPtr CreateTensor(NativeBlock buffer, TensorShape shape, int batchSize, int rowLength)
    {
        IntPtr memoryInfo;
        api.Check(api.CreateCpuMemoryInfo(0, 0, &memoryInfo), "Describing CPU memory");
        using var memory = OrtHandle.Create(memoryInfo, api.ReleaseMemoryInfo);
        var dimensions = stackalloc long[shape.Rank];
        dimensions[0] = batchSize;
        for (var index = 1; index < shape.Rank; index++)
        {
            dimensions[index] = shape.Dimensions[index];
        }

        IntPtr value;
        var bytes = (nuint)batchSize * (nuint)rowLength * sizeof(float);
        api.Check(api.CreateTensorWithDataAsOrtValue(memoryInfo, buffer.Pointer, bytes, dimensions, (nuint)shape.Rank, FloatElementType, &value), $"Creating a tensor for model '{ModelName}'");
        tensors.Add(OrtHandle.Create(value, api.ReleaseValue));
        return value;
    }

    private void ReleaseAll()
    {
        // Tensors first (they point into the buffers), then the session, then the memory they used.
        foreach (var tensor in tensors)
        {
            tensor.Dispose();
        }

        session.Dispose();
        foreach (var arguments in runArguments ?? [])
        {
            arguments?.Dispose();
        }

        inputBuffer?.Dispose();
        outputBuffer?.Dispose();
        inputName?.Dispose();
        outputName?.Dispose();
    }
}
