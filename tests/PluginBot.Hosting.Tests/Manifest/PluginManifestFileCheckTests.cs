using PluginBot.Hosting.Manifest;

namespace PluginBot.Hosting.Tests.Manifest;

/// <summary>The checks a schema cannot express: the assembly file, its SHA-256 and the plugin's config schema.</summary>
public sealed class PluginManifestFileCheckTests
{
    // SHA-256 of the three ASCII bytes "abc" and of no bytes (FIPS 180-2 test vectors).
    private const string Sha256OfAbc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private const string Sha256OfNothing = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    [Fact]
    public void Validate_AssemblyFileMissing_ReportsItUnderAssembly()
    {
        using var plugin = new TemporaryPluginFolder().WithManifest(Manifest());

        var errors = PluginManifestReader.Validate(plugin.Path).Errors;

        Assert.Equal([new ManifestError("$.assembly", $"the assembly file \"Example.dll\" is not in the plugin folder {plugin.Path}")], errors);
    }

    [Fact]
    public void Validate_Sha256Mismatch_NamesBothHashes()
    {
        using var plugin = new TemporaryPluginFolder().WithManifest(Manifest($"\"sha256\": \"{Sha256OfNothing}\"")).WithFile("Example.dll", "abc");

        var error = Assert.Single(PluginManifestReader.Validate(plugin.Path).Errors);

        Assert.Equal("$.sha256", error.JsonPath);
        Assert.Equal(
            $"the manifest expects SHA-256 {Sha256OfNothing} but \"Example.dll\" has SHA-256 {Sha256OfAbc}; the assembly changed after the manifest was written",
            error.Message);
    }

    [Fact]
    public void Validate_CorrectSha256InUpperCase_IsValidAndKeepsTheHashInLowerCase()
    {
        using var plugin = new TemporaryPluginFolder()
            .WithManifest(Manifest($"\"sha256\": \"{Sha256OfAbc.ToUpperInvariant()}\""))
            .WithFile("Example.dll", "abc");

        var result = PluginManifestReader.Validate(plugin.Path);

        Assert.Empty(result.Errors);
        Assert.Equal(Sha256OfAbc, result.Manifest!.Sha256);
    }

    [Fact]
    public void Validate_Sha256NotHex_ReportsTheFormatOnly()
    {
        using var plugin = new TemporaryPluginFolder().WithManifest(Manifest("\"sha256\": \"abc\"")).WithFile("Example.dll", "abc");

        var errors = PluginManifestReader.Validate(plugin.Path).Errors;

        Assert.Equal([new ManifestError("$.sha256", "expected 64 hexadecimal digits, found \"abc\"")], errors);
    }

    [Fact]
    public void Validate_ConfigSchemaWithUnknownTypeAndBrokenPattern_ReportsBothAtTheirPaths()
    {
        using var plugin = new TemporaryPluginFolder().WithFile("Example.dll", "x").WithManifest(Manifest("""
            "configSchema": {
              "type": "object",
              "properties": {
                "period": { "type": "integr" },
                "symbols": { "type": "array", "items": { "type": "string", "pattern": "([A-Z]+" } }
              }
            }
            """));

        var errors = PluginManifestReader.Validate(plugin.Path).Errors;

        Assert.Equal(2, errors.Count);
        Assert.Equal(
            new ManifestError("$.configSchema.properties.period.type", "unknown type \"integr\"; expected one of string, number, integer, boolean, object, array, null"),
            errors[0]);
        Assert.Equal("$.configSchema.properties.symbols.items.pattern", errors[1].JsonPath);
        Assert.StartsWith("not a valid regular expression: ", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConfigSchemaNjsonSchemaCannotRead_ReportsThePathInsideTheSchema()
    {
        using var plugin = new TemporaryPluginFolder().WithFile("Example.dll", "x").WithManifest(Manifest("""
            "configSchema": { "type": "object", "properties": { "period": { "type": "integer", "minimum": "one" } } }
            """));

        var error = Assert.Single(PluginManifestReader.Validate(plugin.Path).Errors);

        Assert.Equal("$.configSchema.properties.period.minimum", error.JsonPath);
        Assert.StartsWith("not a valid JSON Schema: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConfigSchemaDefaultOfTheWrongType_ReportsTheDefault()
    {
        using var plugin = new TemporaryPluginFolder().WithFile("Example.dll", "x").WithManifest(Manifest("""
            "configSchema": { "type": "object", "properties": { "period": { "type": "integer", "minimum": 2, "default": 1 } } }
            """));

        var errors = PluginManifestReader.Validate(plugin.Path).Errors;

        Assert.Equal(
            [new ManifestError("$.configSchema.properties.period.default", "the default does not satisfy the property's own schema: expected a value of at least 2, found 1")],
            errors);
    }

    [Fact]
    public void Validate_ConfigSchemaDescribingAnArray_IsRefusedBecauseSettingsAreAnObject()
    {
        using var plugin = new TemporaryPluginFolder().WithFile("Example.dll", "x").WithManifest(Manifest("""
            "configSchema": { "type": "array" }
            """));

        var errors = PluginManifestReader.Validate(plugin.Path).Errors;

        Assert.Equal(
            [new ManifestError("$.configSchema.type", "a plugin's settings are a JSON object, so the config schema must describe an object; found type \"array\"")],
            errors);
    }

    [Theory]
    [InlineData("https://example.com/schemas/period.json")]
    [InlineData("other.json#/definitions/period")]
    public void Validate_ConfigSchemaWithExternalReference_IsRefusedAtTheReferenceWithoutFetchingIt(string reference)
    {
        using var plugin = new TemporaryPluginFolder().WithFile("Example.dll", "x").WithManifest(Manifest($$"""
            "configSchema": { "type": "object", "properties": { "period": { "$ref": "{{reference}}" } } }
            """));

        var errors = PluginManifestReader.Validate(plugin.Path).Errors;

        Assert.Equal(
            [
                new ManifestError(
                    "$.configSchema.properties.period.$ref",
                    $"only references inside the schema (#/...) are allowed, found \"{reference}\"; a plugin's schema must not depend on other files or the network"),
            ],
            errors);
    }

    [Fact]
    public void Validate_ConfigSchemaWithLocalReference_IsValid()
    {
        using var plugin = new TemporaryPluginFolder().WithFile("Example.dll", "x").WithManifest(Manifest("""
            "configSchema": {
              "type": "object",
              "definitions": { "period": { "type": "integer", "minimum": 1 } },
              "properties": { "fast": { "$ref": "#/definitions/period" } }
            }
            """));

        Assert.True(PluginManifestReader.Validate(plugin.Path).IsValid);
    }

    [Fact]
    public void Validate_SchemaAndFileProblemsTogether_ReportsBoth()
    {
        using var plugin = new TemporaryPluginFolder().WithManifest("""
            { "id": "example", "kind": "sizer", "version": "1.0.0", "sdkVersion": "^1.0", "assembly": "Missing.dll", "entryType": "Example.Plugin" }
            """);

        var errors = PluginManifestReader.Validate(plugin.Path).Errors;

        Assert.Equal(["$.assembly", "$.kind"], errors.Select(error => error.JsonPath).Order(StringComparer.Ordinal));
    }

    private static string Manifest(string? extraProperty = null) => $$"""
        {
          "id": "example",
          "kind": "risk-manager",
          "version": "1.0.0",
          "sdkVersion": "^1.0",
          "assembly": "Example.dll",
          "entryType": "Example.Plugin"{{(extraProperty is null ? string.Empty : ",\n  " + extraProperty)}}
        }
        """;
}
