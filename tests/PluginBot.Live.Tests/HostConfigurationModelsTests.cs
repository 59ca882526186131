using PluginBot.Engine.Composition;

namespace PluginBot.Live.Tests;

/// <summary>The host configuration's optional "models" key: the registry the host follows.</summary>
public sealed class HostConfigurationModelsTests : IDisposable
{
    private readonly ModelPromotionWorkspace workspace = new();

    [Fact]
    public void Load_ModelsNamesARegistry_ResolvesItAgainstTheConfigurationFolder()
    {
        workspace.Register(ModelPromotionWorkspace.Kind);
        var path = Write("""{ "store": "s.db", "models": "registry", "strategies": [ { "name": "a", "composition": "a.json", "data": ["d.csv"] } ] }""");

        var configuration = HostConfigurationLoader.Load(path);

        Assert.Equal(Path.Combine(workspace.Root, "registry"), configuration.ModelRegistryPath);
    }

    [Fact]
    public void Load_WithoutModels_FollowsNoRegistry()
    {
        var path = Write("""{ "store": "s.db", "strategies": [ { "name": "a", "composition": "a.json", "data": ["d.csv"] } ] }""");

        Assert.Null(HostConfigurationLoader.Load(path).ModelRegistryPath);
    }

    [Theory]
    [InlineData("\"missing\"", "does not exist")]
    [InlineData("\".\"", "is not a model registry")]
    [InlineData("42", "expected a string, found a number")]
    [InlineData("\"\"", "must not be empty")]
    public void Load_BadModels_FailsNamingTheFileAndJsonPath(string value, string problem)
    {
        var path = Write($$"""{ "store": "s.db", "models": {{value}}, "strategies": [ { "name": "a", "composition": "a.json", "data": ["d.csv"] } ] }""");

        var error = Assert.Throws<CompositionException>(() => HostConfigurationLoader.Load(path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal("$.models", error.JsonPath);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    public void Dispose() => workspace.Dispose();

    private string Write(string json)
    {
        var path = Path.Combine(workspace.Root, "host.json");
        File.WriteAllText(path, json);
        return path;
    }
}
