using PluginBot.Onnx.Tests.Infrastructure;

namespace PluginBot.Onnx.Tests;

[Collection(RuntimeCollection.Name)]
public sealed class OnnxRuntimeLoadingTests(RuntimeFixture fixture)
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Load_FromTheRepositoryLayout_ReportsVersionAndCpuProvider()
    {
        Assert.Equal("1.30.0", fixture.Runtime.Version);
        Assert.Contains("CPUExecutionProvider", fixture.Runtime.AvailableProviders);
        Assert.EndsWith(OnnxRuntime.DefaultRelativePath, fixture.Runtime.LibraryPath);
    }

    [Fact]
    public void Load_MissingConfiguredPath_NamesThePathAndTheFix()
    {
        var missing = Path.Combine(Path.GetTempPath(), "pluginbot-no-such-dir", "libonnxruntime.so.1");

        var error = Assert.Throws<OnnxRuntimeLoadException>(() => OnnxRuntime.Load(new OnnxRuntimeOptions(missing), NoEnvironment));

        Assert.Contains(missing, error.Message);
        Assert.Contains("scripts/setup-onnxruntime.sh", error.Message);
        Assert.Contains(OnnxRuntime.PathVariable, error.Message);
        Assert.Equal([missing], error.SearchedPaths);
    }

    [Fact]
    public void Load_NothingConfiguredAndNothingInstalled_ListsEveryFolderSearched()
    {
        var start = Directory.CreateTempSubdirectory("pluginbot-onnx-search").FullName;
        try
        {
            var error = Assert.Throws<OnnxRuntimeLoadException>(() => OnnxRuntime.Load(new OnnxRuntimeOptions(StartDirectory: start), NoEnvironment));

            Assert.Equal(Path.Combine(start, OnnxRuntime.DefaultRelativePath), error.SearchedPaths[0]);
            Assert.Equal(Path.Combine("/", OnnxRuntime.DefaultRelativePath), error.SearchedPaths[^1]);
            Assert.Contains("scripts/setup-onnxruntime.sh", error.Message);
        }
        finally
        {
            Directory.Delete(start);
        }
    }

    [Fact]
    public void Load_EnvironmentVariable_IsUsedWhenNoPathIsConfigured()
    {
        var missing = "/nonexistent/from-environment/libonnxruntime.so.1";

        var error = Assert.Throws<OnnxRuntimeLoadException>(() =>
            OnnxRuntime.Load(new OnnxRuntimeOptions(), name => name == OnnxRuntime.PathVariable ? missing : null));

        Assert.Equal([missing], error.SearchedPaths);
        Assert.Contains(OnnxRuntime.PathVariable, error.Message);
    }

    [Fact]
    public void Load_EnvironmentVariablePointingAtTheLibrary_Loads()
    {
        using var runtime = OnnxRuntime.Load(new OnnxRuntimeOptions(StartDirectory: "/"), _ => fixture.Runtime.LibraryPath);

        Assert.Equal(fixture.Runtime.LibraryPath, runtime.LibraryPath);
    }

    [Fact]
    public void Load_SharedLibraryThatIsNotOnnxRuntime_SaysSo()
    {
        // The .NET runtime's own native helper: a real shared library without OrtGetApiBase.
        var other = Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "libSystem.Native.so");

        var error = Assert.Throws<OnnxRuntimeLoadException>(() => OnnxRuntime.Load(new OnnxRuntimeOptions(other), NoEnvironment));

        Assert.Contains("is not an ONNX Runtime library", error.Message);
        Assert.Contains(other, error.Message);
    }

    [Fact]
    public void Load_FileThatIsNotALibrary_SaysItCouldNotBeLoaded()
    {
        var path = TestFiles.Path("corrupt.onnx");

        var error = Assert.Throws<OnnxRuntimeLoadException>(() => OnnxRuntime.Load(new OnnxRuntimeOptions(path), NoEnvironment));

        Assert.Contains("could not be loaded", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void CreateSession_AfterRuntimeDisposed_ThrowsObjectDisposed()
    {
        var runtime = OnnxRuntime.Load();
        runtime.Dispose();
        runtime.Dispose();

        Assert.Throws<ObjectDisposedException>(() => runtime.CreateSession(TestFiles.Path("mlp.onnx")));
    }

    [Fact]
    public void Dispose_RuntimeBeforeItsSession_SessionKeepsWorking()
    {
        var expected = ExpectedOutput.Read("mlp");
        var runtime = OnnxRuntime.Load();
        using var session = runtime.CreateSession(TestFiles.Path("mlp.onnx"), new OnnxSessionOptions { BatchSizes = [3] });
        runtime.Dispose();

        var output = session.Run(expected.Input, 3);

        Assert.Equal(expected.Output[0], output[0], 1e-5f);
    }
}
