using System.Text.Json;
using PluginBot.Hosting.Manifest;
using PluginBot.Sdk.Configuration;

namespace PluginBot.Hosting.Tests.Manifest;

public sealed class PluginSettingsSchemaTests
{
    // The config schema of the built-in ema-cross plugin.
    private const string CrossoverSchema = """
        {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "fastPeriod": { "type": "integer", "minimum": 1, "default": 12 },
            "slowPeriod": { "type": "integer", "minimum": 2, "default": 26 },
            "shortOnBearishCross": { "type": "boolean", "default": false }
          }
        }
        """;

    [Fact]
    public void Resolve_EmptySettings_ReturnsEveryDefault()
    {
        var resolution = PluginSettingsSchema.Parse(CrossoverSchema).Resolve("{}");

        Assert.True(resolution.IsValid);
        Assert.Equal("""{"fastPeriod":12,"slowPeriod":26,"shortOnBearishCross":false}""", resolution.SettingsJson);
    }

    [Fact]
    public void Resolve_NullSettings_CountAsEmptyAndGetEveryDefault()
    {
        var resolution = PluginSettingsSchema.Parse(CrossoverSchema).Resolve(default(JsonElement));

        Assert.True(resolution.IsValid);
        Assert.Equal(26, resolution.Settings.GetProperty("slowPeriod").GetInt32());
    }

    [Fact]
    public void Resolve_SomeSettingsGiven_KeepsThemAndAddsOnlyTheAbsentDefaults()
    {
        var resolution = PluginSettingsSchema.Parse(CrossoverSchema).Resolve("""{ "slowPeriod": 50, "shortOnBearishCross": true }""");

        Assert.Empty(resolution.Errors);
        Assert.Equal("""{"slowPeriod":50,"shortOnBearishCross":true,"fastPeriod":12}""", resolution.SettingsJson);
    }

    [Fact]
    public void Resolve_SettingOfTheWrongType_ReportsItsPathAndKeepsTheWrongValue()
    {
        var resolution = PluginSettingsSchema.Parse(CrossoverSchema).Resolve("""{ "fastPeriod": "fast" }""", "$.strategy.settings");

        Assert.Equal([new PluginSettingsError("$.strategy.settings.fastPeriod", "expected an integer, found \"fast\"")], resolution.Errors);
        Assert.Equal(JsonValueKind.String, resolution.Settings.GetProperty("fastPeriod").ValueKind);
    }

    [Fact]
    public void Resolve_SeveralProblems_ReportsEveryOne()
    {
        var resolution = PluginSettingsSchema.Parse(CrossoverSchema).Resolve("""{ "slowPeriod": 1, "fastPeriods": 5, "shortOnBearishCross": "yes" }""");

        Assert.Equal(
            [
                new PluginSettingsError("$.fastPeriods", "unknown property \"fastPeriods\"; allowed properties are fastPeriod, slowPeriod, shortOnBearishCross"),
                new PluginSettingsError("$.shortOnBearishCross", "expected true or false, found \"yes\""),
                new PluginSettingsError("$.slowPeriod", "expected a value of at least 2, found 1"),
            ],
            resolution.Errors.OrderBy(error => error.JsonPath, StringComparer.Ordinal));
    }

    [Fact]
    public void Resolve_ExclusiveMinimumOfTheFixedFractionSizer_RefusesZero()
    {
        var schema = PluginSettingsSchema.Parse("""
            { "type": "object", "properties": { "fraction": { "type": "number", "exclusiveMinimum": 0, "maximum": 10, "default": 0.95 } } }
            """);

        Assert.Equal("""{"fraction":0.95}""", schema.Resolve("{}").SettingsJson);
        Assert.Equal([new PluginSettingsError("$.fraction", "expected a value greater than 0, found 0")], schema.Resolve("""{"fraction":0}""").Errors);
        Assert.Equal([new PluginSettingsError("$.fraction", "expected a value of at most 10, found 12.5")], schema.Resolve("""{"fraction":12.5}""").Errors);
    }

    [Fact]
    public void Resolve_BadItemInsideAnArrayAndAReferencedSchema_ReportsEachAtItsOwnPath()
    {
        var schema = PluginSettingsSchema.Parse("""
            {
              "type": "object",
              "definitions": { "period": { "type": "integer", "minimum": 1 } },
              "properties": {
                "symbols": { "type": "array", "items": { "type": "string" }, "default": ["BTCUSDT"] },
                "lookback": { "$ref": "#/definitions/period" },
                "mode": { "anyOf": [ { "type": "integer" }, { "enum": ["auto"] } ] }
              }
            }
            """);

        var resolution = schema.Resolve("""{ "symbols": ["ETHUSDT", 5], "lookback": -3, "mode": "manual" }""", "$.expert");

        Assert.Equal(
            [
                new PluginSettingsError("$.expert.lookback", "expected a value of at least 1, found -3"),
                new PluginSettingsError("$.expert.mode", "expected a value matching at least one of the anyOf alternatives (1: expected an integer; 2: expected one of \"auto\"), found \"manual\""),
                new PluginSettingsError("$.expert.symbols[1]", "expected a string, found 5"),
            ],
            resolution.Errors.OrderBy(error => error.JsonPath, StringComparer.Ordinal));
        Assert.Equal("""["BTCUSDT"]""", schema.Defaults["symbols"].GetRawText());
    }

    [Fact]
    public void Resolve_SettingsThatAreNotAnObject_AreRefused()
    {
        var resolution = PluginSettingsSchema.Parse(CrossoverSchema).Resolve("[12, 26]", "$.sizer.settings");

        Assert.Equal([new PluginSettingsError("$.sizer.settings", "expected an object of settings, found an array")], resolution.Errors);
    }

    [Fact]
    public void GetSettingsOrThrow_InvalidSettings_ThrowsTheSdkExceptionListingEveryError()
    {
        var resolution = PluginSettingsSchema.Parse(CrossoverSchema).Resolve("""{ "fastPeriod": 0, "slowPeriod": false }""", "$.settings");

        var exception = Assert.Throws<PluginSettingsException>(() => resolution.GetSettingsOrThrow());

        Assert.Equal("$.settings.fastPeriod", exception.Path);
        Assert.Equal(
            "$.settings.fastPeriod: expected a value of at least 1, found 0\n$.settings.slowPeriod: expected an integer, found false",
            exception.Message);
    }

    [Fact]
    public void Unconstrained_NoConfigSchema_PassesSettingsThroughUnchanged()
    {
        var schema = PluginSettingsSchema.Parse(null);
        var resolution = schema.Resolve("""{"anything":[1,2]}""");

        Assert.Same(PluginSettingsSchema.Unconstrained, schema);
        Assert.Empty(schema.Defaults);
        Assert.True(resolution.IsValid);
        Assert.Equal("""{"anything":[1,2]}""", resolution.SettingsJson);
    }

    [Fact]
    public void For_ManifestOfTheShippedEmaCrossPlugin_AppliesItsDefaults()
    {
        using var plugin = new TemporaryPluginFolder()
            .WithManifest(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "plugins", "ema-cross", "plugin.json")))
            .WithFile("PluginBot.Plugins.EmaCross.dll", "x");
        var manifest = PluginManifestReader.Read(plugin.Path);

        var settings = PluginSettingsSchema.For(manifest).Resolve("""{"fastPeriod":9}""").GetSettingsOrThrow();

        Assert.Equal(9, settings.GetProperty("fastPeriod").GetInt32());
        Assert.Equal(26, settings.GetProperty("slowPeriod").GetInt32());
        Assert.False(settings.GetProperty("shortOnBearishCross").GetBoolean());
    }

    [Fact]
    public void Parse_UnusableSchema_ThrowsListingTheProblems()
    {
        var exception = Assert.Throws<FormatException>(() => PluginSettingsSchema.Parse("""{ "type": "object", "properties": { "a": { "type": "text" } } }"""));

        Assert.Contains("$.properties.a.type: unknown type \"text\"", exception.Message, StringComparison.Ordinal);
    }
}
