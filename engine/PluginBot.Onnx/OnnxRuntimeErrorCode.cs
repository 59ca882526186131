namespace PluginBot.Onnx;

/// <summary>
/// ONNX Runtime's error codes (<c>OrtErrorCode</c>), kept so callers can tell a bad model file
/// (<see cref="InvalidProtobuf"/>, <see cref="InvalidGraph"/>) from a bad argument or an engine failure.
/// </summary>
public enum OnnxRuntimeErrorCode
{
    /// <summary>No error.</summary>
    Ok = 0,

    /// <summary>An unspecified failure.</summary>
    Fail = 1,

    /// <summary>An argument was rejected, for example an input of the wrong shape.</summary>
    InvalidArgument = 2,

    /// <summary>A file does not exist.</summary>
    NoSuchFile = 3,

    /// <summary>There is no model.</summary>
    NoModel = 4,

    /// <summary>The execution engine failed.</summary>
    EngineError = 5,

    /// <summary>An exception was thrown inside the runtime.</summary>
    RuntimeException = 6,

    /// <summary>The model file is not a valid ONNX protobuf (truncated or not a model).</summary>
    InvalidProtobuf = 7,

    /// <summary>The model is already loaded.</summary>
    ModelLoaded = 8,

    /// <summary>The feature is not implemented in this build.</summary>
    NotImplemented = 9,

    /// <summary>The model's graph is invalid.</summary>
    InvalidGraph = 10,

    /// <summary>An execution provider failed.</summary>
    ExecutionProviderFailure = 11,
}
