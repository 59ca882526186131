namespace PluginBot.Onnx.Tests.Infrastructure;

/// <summary>Paths of the fixtures copied beside the test assembly (see TestData/make_fixtures.py).</summary>
internal static class TestFiles
{
    public static string Directory { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "TestData");

    public static string Path(string fileName) => System.IO.Path.Combine(Directory, fileName);
}
