namespace PluginBot.Onnx;

/// <summary>
/// The ONNX Runtime library could not be used: not found, not an ONNX Runtime, or too old. The message lists every
/// place that was looked at and how to fix it (run <c>scripts/setup-onnxruntime.sh</c> or set
/// <c>PLUGINBOT_ONNXRUNTIME_PATH</c>), because the person reading it is usually setting up a new machine.
/// </summary>
public sealed class OnnxRuntimeLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OnnxRuntimeLoadException(string message, IReadOnlyList<string> searchedPaths, Exception? innerException = null)
        : base(message, innerException)
    {
        SearchedPaths = searchedPaths;
    }

    /// <summary>The library paths that were tried, in order.</summary>
    public IReadOnlyList<string> SearchedPaths { get; }
}
