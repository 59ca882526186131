namespace PluginBot.Onnx.Models;

/// <summary>
/// A registered model folder cannot be served: a file is missing or corrupt, the model's hash differs from its
/// metadata, or its feature schema differs from the engine's. The message names the file and the first difference,
/// because the fix is usually to re-register or retrain, and the operator must know which.
/// </summary>
public sealed class RegisteredModelException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public RegisteredModelException(string path, string problem, Exception? innerException = null)
        : base($"{path}: {problem}", innerException)
    {
        Path = path;
    }

    /// <summary>The file (or folder) at fault.</summary>
    public string Path { get; }
}
