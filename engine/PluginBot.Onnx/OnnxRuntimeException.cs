namespace PluginBot.Onnx;

/// <summary>
/// A call into ONNX Runtime failed. The message says what the binding was doing (for example which model file it was
/// loading) followed by the runtime's own message, because the runtime's text alone rarely names the file.
/// </summary>
public sealed class OnnxRuntimeException : Exception
{
    /// <summary>Creates the exception for a failed <paramref name="operation"/>.</summary>
    public OnnxRuntimeException(string operation, OnnxRuntimeErrorCode errorCode, string runtimeMessage)
        : base($"{operation} failed ({errorCode}): {runtimeMessage}")
    {
        Operation = operation;
        ErrorCode = errorCode;
        RuntimeMessage = runtimeMessage;
    }

    /// <summary>What the binding was doing, for example "Loading model '/models/v0001/model.onnx'".</summary>
    public string Operation { get; }

    /// <summary>The runtime's error code.</summary>
    public OnnxRuntimeErrorCode ErrorCode { get; }

    /// <summary>The runtime's own message.</summary>
    public string RuntimeMessage { get; }
}
