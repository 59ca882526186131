using System.Runtime.InteropServices;

namespace PluginBot.Onnx.Native;

/// <summary>
/// A model's single input and chosen output as the model file declares them, read from a loaded session. It is read
/// before the serving session is created because pinning the batch dimension changes what the serving session
/// reports: callers and messages must keep seeing the declared "[batch, 32, 46]", not the pinned "[1, 32, 46]".
/// </summary>
/// <param name="InputName">The model's only input.</param>
/// <param name="InputShape">The input's declared shape.</param>
/// <param name="OutputName">The output that is read.</param>
/// <param name="OutputShape">The output's declared shape.</param>
/// <param name="BatchDimensionName">
/// The symbolic name of the input's first dimension (for example "batch"), or null when it is fixed or unnamed and so
/// cannot be pinned by name.
/// </param>
internal sealed record SessionSignature(string InputName, TensorShape InputShape, string OutputName, TensorShape OutputShape, string? BatchDimensionName)
{
    private const int TensorType = 1;
    private const int FloatElementType = 1;

    /// <summary>Reads the signature of <paramref name="session"/>; <paramref name="wantedOutput"/> null takes the first output.</summary>
    /// <exception cref="NotSupportedException">The model has several inputs, a non-tensor or non-float value, or no such output.</exception>
    /// <exception cref="OnnxRuntimeException">The runtime failed to describe the model.</exception>
    public static unsafe SessionSignature Read(OrtApi api, IntPtr session, string modelName, string? wantedOutput)
    {
        var reader = new Reader(api, session, modelName);
        nuint inputCount;
        api.Check(api.SessionGetInputCount(session, &inputCount), "Counting model inputs");
        if (inputCount != 1)
        {
            throw new NotSupportedException($"The model '{modelName}' has {inputCount} inputs; exactly one (the feature tensor) is supported.");
        }

        var inputName = reader.ReadName(0, input: true);
        var (inputShape, batchName) = reader.ReadShape(0, input: true);

        nuint outputCount;
        api.Check(api.SessionGetOutputCount(session, &outputCount), "Counting model outputs");
        var names = new string[(int)outputCount];
        for (var index = 0; index < names.Length; index++)
        {
            names[index] = reader.ReadName((nuint)index, input: false);
        }

        var chosen = wantedOutput is null ? (names.Length > 0 ? 0 : -1) : Array.IndexOf(names, wantedOutput);
        if (chosen < 0)
        {
            throw new NotSupportedException($"The model '{modelName}' has no output '{wantedOutput}' (outputs: {string.Join(", ", names)}).");
        }

        var (outputShape, _) = reader.ReadShape((nuint)chosen, input: false);
        return new SessionSignature(inputName, inputShape, names[chosen], outputShape, batchName);
    }

    private readonly unsafe struct Reader(OrtApi api, IntPtr session, string modelName)
    {
        public string ReadName(nuint index, bool input)
        {
            IntPtr allocator;
            api.Check(api.GetAllocatorWithDefaultOptions(&allocator), "Getting the default allocator");
            byte* name;
            var status = input
                ? api.SessionGetInputName(session, index, allocator, &name)
                : api.SessionGetOutputName(session, index, allocator, &name);
            api.Check(status, "Reading a model input or output name");
            var text = Marshal.PtrToStringUTF8((IntPtr)name) ?? string.Empty;
            api.Check(api.AllocatorFree(allocator, name), "Freeing a name");
            return text;
        }

        public (TensorShape Shape, string? FirstDimensionName) ReadShape(nuint index, bool input)
        {
            var role = input ? "input" : "output";
            IntPtr typeInfo;
            var status = input
                ? api.SessionGetInputTypeInfo(session, index, &typeInfo)
                : api.SessionGetOutputTypeInfo(session, index, &typeInfo);
            api.Check(status, $"Reading the type of model {role} {index}");
            using var owner = OrtHandle.Create(typeInfo, api.ReleaseTypeInfo);
            int onnxType;
            api.Check(api.GetOnnxTypeFromTypeInfo(typeInfo, &onnxType), "Reading a value type");
            if (onnxType != TensorType)
            {
                throw new NotSupportedException($"The model '{modelName}' has a non-tensor {role}; only float tensors are supported.");
            }

            // The tensor information belongs to the type information: it is not released on its own.
            IntPtr tensorInfo;
            api.Check(api.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo), "Reading tensor information");
            int elementType;
            api.Check(api.GetTensorElementType(tensorInfo, &elementType), "Reading an element type");
            if (elementType != FloatElementType)
            {
                throw new NotSupportedException($"The model '{modelName}' has a {role} of element type {elementType}; only float32 (1) is supported.");
            }

            nuint rank;
            api.Check(api.GetDimensionsCount(tensorInfo, &rank), "Reading a rank");
            var dimensions = new long[(int)rank];
            string? firstName = null;
            if (rank > 0)
            {
                fixed (long* destination = dimensions)
                {
                    api.Check(api.GetDimensions(tensorInfo, destination, rank), "Reading dimensions");
                }

                // The names point into the type information, so they are copied before it is released.
                var symbols = stackalloc byte*[(int)rank];
                api.Check(api.GetSymbolicDimensions(tensorInfo, symbols, rank), "Reading dimension names");
                var name = symbols[0] == null ? null : Marshal.PtrToStringUTF8((IntPtr)symbols[0]);
                firstName = dimensions[0] < 0 && !string.IsNullOrEmpty(name) ? name : null;
            }

            return (new TensorShape(dimensions), firstName);
        }
    }
}
