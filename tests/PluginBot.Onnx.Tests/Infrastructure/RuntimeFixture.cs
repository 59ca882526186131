namespace PluginBot.Onnx.Tests.Infrastructure;

/// <summary>One ONNX Runtime for the whole test run (found as artifacts/native/onnxruntime, see scripts/setup-onnxruntime.sh).</summary>
public sealed class RuntimeFixture : IDisposable
{
    public OnnxRuntime Runtime { get; } = OnnxRuntime.Load();

    public void Dispose() => Runtime.Dispose();
}

/// <summary>The collection sharing <see cref="RuntimeFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class RuntimeCollection : ICollectionFixture<RuntimeFixture>
{
    public const string Name = "ONNX Runtime";
}
