namespace PluginBot.Onnx.Native;

/// <summary>
/// Where a session's model comes from: a NUL-terminated UTF-8 path, or bytes in memory. Raw pointers because a model
/// may be loaded twice (see <see cref="OnnxRuntime"/>'s batch pinning), and the caller keeps both alive meanwhile.
/// </summary>
internal readonly unsafe struct ModelSource(byte* path, byte* data, nuint length)
{
    /// <summary>The file path, or null for a model in memory.</summary>
    public byte* Path { get; } = path;

    /// <summary>The model bytes when <see cref="Path"/> is null.</summary>
    public byte* Data { get; } = data;

    /// <summary>How many bytes <see cref="Data"/> holds.</summary>
    public nuint Length { get; } = length;
}
