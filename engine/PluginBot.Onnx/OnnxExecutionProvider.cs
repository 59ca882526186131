namespace PluginBot.Onnx;

/// <summary>
/// Where a session runs. The CPU is the default and always present; CUDA must be asked for and needs a CUDA build
/// of ONNX Runtime (the npm build that <c>scripts/setup-onnxruntime.sh</c> installs is CPU-only).
/// </summary>
public enum OnnxExecutionProvider
{
    /// <summary>ONNX Runtime's CPU provider.</summary>
    Cpu = 0,

    /// <summary>NVIDIA CUDA, when the library was built with it.</summary>
    Cuda = 1,
}
