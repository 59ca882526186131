namespace PluginBot.Onnx;

/// <summary>How to find the ONNX Runtime library.</summary>
/// <param name="LibraryPath">
/// The library file to load. When null, the environment variable <see cref="OnnxRuntime.PathVariable"/> is used, and
/// when that is unset too, <c>artifacts/native/onnxruntime/libonnxruntime.so.1</c> in the nearest folder above the
/// application that has one (where <c>scripts/setup-onnxruntime.sh</c> installs it).
/// </param>
/// <param name="StartDirectory">Where the upward search starts; null means <see cref="AppContext.BaseDirectory"/>.</param>
public sealed record OnnxRuntimeOptions(string? LibraryPath = null, string? StartDirectory = null)
{
    /// <summary>The defaults: explicit path unset, search from the application's folder.</summary>
    public static OnnxRuntimeOptions Default { get; } = new();
}
