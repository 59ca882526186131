using PluginBot.Hosting.Manifest;

namespace PluginBot.Hosting.Tests.Manifest;

/// <summary>Syntax and schema validation of plugin.json, and the manifests shipped in the repository.</summary>
public sealed class PluginManifestReaderTests
{
    private const string ValidManifest = """
        {
          "id": "moving-average-expert",
          "kind": "expert",
          "version": "2.1.0-beta.1",
          "sdkVersion": "^1.0",
          "assembly": "Example.Expert.dll",
          "entryType": "Example.Expert.MovingAverageExpert",
          "description": "Votes with the trend.",
          "author": "Example Ltd",
          "configSchema": { "type": "object", "properties": { "period": { "type": "integer", "default": 20 } } }
        }
        """;

    [Theory]
    [InlineData("plugins/ema-cross", "ema-cross", PluginKind.Strategy, "PluginBot.Plugins.EmaCross.dll", "PluginBot.Plugins.EmaCross.EmaCrossStrategy")]
    [InlineData("plugins/fixed-fraction-sizer", "fixed-fraction", PluginKind.PositionSizer, "PluginBot.Plugins.FixedFractionSizer.dll", "PluginBot.Plugins.FixedFractionSizer.FixedFractionSizer")]
    [InlineData("samples/breakout-strategy", "breakout", PluginKind.Strategy, "PluginBot.Samples.BreakoutStrategy.dll", "PluginBot.Samples.BreakoutStrategy.BreakoutStrategy")]
    public void Validate_ShippedManifestWithItsAssemblyPresent_IsValid(string folder, string id, PluginKind kind, string assembly, string entryType)
    {
        var shipped = File.ReadAllText(Path.Combine(RepositoryRoot.Path, folder, "plugin.json"));
        using var plugin = new TemporaryPluginFolder().WithManifest(shipped).WithFile(assembly, "stand-in for the built assembly");

        var result = PluginManifestReader.Validate(plugin.Path);

        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        var manifest = result.Manifest!;
        Assert.Equal(id, manifest.Id);
        Assert.Equal(kind, manifest.Kind);
        Assert.Equal("1.0.0", manifest.Version);
        Assert.Equal(SdkVersionRange.Parse("^1.0"), manifest.SdkVersion);
        Assert.Equal(assembly, manifest.AssemblyFileName);
        Assert.Equal(entryType, manifest.EntryType);
        Assert.NotNull(manifest.ConfigSchemaJson);
    }

    [Fact]
    public void Read_ValidManifest_ExposesEveryField()
    {
        using var plugin = new TemporaryPluginFolder().WithManifest(ValidManifest).WithFile("Example.Expert.dll", "x");

        var manifest = PluginManifestReader.Read(plugin.Path);

        Assert.Equal("moving-average-expert", manifest.Id);
        Assert.Equal(PluginKind.Expert, manifest.Kind);
        Assert.Equal("2.1.0-beta.1", manifest.Version);
        Assert.Equal("^1.0", manifest.SdkVersion.Text);
        Assert.Equal("Example.Expert.MovingAverageExpert", manifest.EntryType);
        Assert.Null(manifest.Sha256);
        Assert.Equal("""{ "type": "object", "properties": { "period": { "type": "integer", "default": 20 } } }""", manifest.ConfigSchemaJson);
        Assert.Equal("Votes with the trend.", manifest.Description);
        Assert.Equal("Example Ltd", manifest.Author);
        Assert.Equal(plugin.Path, manifest.DirectoryPath);
        Assert.Equal(plugin.ManifestPath, manifest.ManifestPath);
        Assert.Equal(Path.Combine(plugin.Path, "Example.Expert.dll"), manifest.AssemblyPath);
    }

    [Fact]
    public void Validate_PathToThePluginJsonFile_ReadsTheFolderItIsIn()
    {
        using var plugin = new TemporaryPluginFolder().WithManifest(ValidManifest).WithFile("Example.Expert.dll", "x");

        var result = PluginManifestReader.Validate(plugin.ManifestPath);

        Assert.True(result.IsValid);
        Assert.Equal(plugin.Path, result.Manifest!.DirectoryPath);
    }

    [Fact]
    public void Validate_ManifestWithFiveProblems_ReportsEveryProblemAtItsPath()
    {
        using var plugin = new TemporaryPluginFolder().WithFile("Example.dll", "x").WithManifest("""
            {
              "id": "Bad_Id",
              "kind": "widget",
              "version": "1.x",
              "sdkVersion": "^1.0",
              "assembly": "Example.dll",
              "colour": "blue"
            }
            """);

        var result = PluginManifestReader.Validate(plugin.Path);

        Assert.False(result.IsValid);
        Assert.Null(result.Manifest);
        Assert.Equal(
            [
                new ManifestError("$.id", "expected lowercase letters and digits in words joined by single hyphens, starting with a letter, such as ema-cross, found \"Bad_Id\""),
                new ManifestError("$.kind", "expected one of \"expert\", \"regime-detector\", \"risk-manager\", \"position-sizer\", \"exchange-adapter\", \"strategy\", found \"widget\""),
                new ManifestError("$.version", "expected a SemVer version such as 1.2.0, found \"1.x\""),
                new ManifestError("$.entryType", "required property \"entryType\" is missing"),
                new ManifestError("$.colour", "unknown property \"colour\"; allowed properties are id, kind, version, sdkVersion, assembly, entryType, sha256, configSchema, description, author"),
            ],
            result.Errors.OrderBy(error => error.JsonPath == "$.colour").ToArray());
    }

    [Fact]
    public void Read_InvalidManifest_ThrowsWithOneLinePerErrorNamingTheManifest()
    {
        using var plugin = new TemporaryPluginFolder().WithManifest("""
            { "id": "ok", "kind": "expert", "version": "1", "sdkVersion": "2", "assembly": "A.dll" }
            """);

        var exception = Assert.Throws<PluginManifestException>(() => PluginManifestReader.Read(plugin.Path));

        Assert.Equal(plugin.ManifestPath, exception.ManifestPath);
        Assert.Equal(
            ["$.assembly", "$.entryType", "$.sdkVersion", "$.version"],
            exception.Errors.Select(error => error.JsonPath).Order(StringComparer.Ordinal));
        var lines = exception.Message.Split('\n');
        Assert.Equal(exception.Errors.Count, lines.Length);
        Assert.Equal(
            exception.Errors.Select(error => $"{plugin.ManifestPath}: {error.JsonPath}: {error.Message}"),
            lines);
    }

    [Fact]
    public void Validate_WrongTypes_ReportWhatWasExpectedAndFound()
    {
        using var plugin = new TemporaryPluginFolder().WithManifest("""
            { "id": 5, "kind": "expert", "version": "1.0.0", "sdkVersion": "^1.0", "assembly": "A.dll", "entryType": ["A"], "configSchema": true }
            """);

        var errors = PluginManifestReader.Validate(plugin.Path).Errors;

        Assert.Contains(new ManifestError("$.id", "expected a string, found 5"), errors);
        Assert.Contains(new ManifestError("$.entryType", "expected a string, found an array"), errors);
        Assert.Contains(new ManifestError("$.configSchema", "expected an object, found true"), errors);
    }

    [Fact]
    public void Validate_RootIsNotAnObject_ReportsTheRoot()
    {
        using var plugin = new TemporaryPluginFolder().WithManifest("[1, 2]");

        var errors = PluginManifestReader.Validate(plugin.Path).Errors;

        Assert.Equal([new ManifestError("$", "expected an object, found an array")], errors);
    }

    [Fact]
    public void Validate_InvalidJson_NamesTheLineAndPosition()
    {
        using var plugin = new TemporaryPluginFolder().WithManifest("{\n  \"id\": \"a\",\n  \"kind\": \"expert\"\n  \"version\": \"1.0.0\"\n}\n");

        var errors = PluginManifestReader.Validate(plugin.Path).Errors;

        var error = Assert.Single(errors);
        Assert.Equal("$", error.JsonPath);
        Assert.StartsWith("invalid JSON at line 4, position 3: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FolderWithoutManifest_ReportsTheMissingPluginJson()
    {
        using var plugin = new TemporaryPluginFolder().WithFile("Example.dll", "x");

        var result = PluginManifestReader.Validate(plugin.Path);

        Assert.Equal(plugin.ManifestPath, result.ManifestPath);
        Assert.Equal([new ManifestError("$", $"there is no plugin.json in the plugin folder {plugin.Path}")], result.Errors);
    }

    [Fact]
    public void Validate_FolderThatDoesNotExist_ReportsTheFolder()
    {
        using var parent = new TemporaryPluginFolder();
        var missing = Path.Combine(parent.Path, "gone");

        var result = PluginManifestReader.Validate(missing);

        Assert.Equal([new ManifestError("$", $"the plugin folder {missing} does not exist")], result.Errors);
    }
}
