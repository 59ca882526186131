namespace PluginBot.Features.Tests;

public sealed class FeatureSchemaTests
{
    private const string DemoCanonicalText =
        """{"name":"demo","version":1,"features":[{"index":0,"name":"sma_14","family":"indicator","parameters":{"period":"14"}},{"index":1,"name":"rsi_14","family":"momentum","parameters":{"period":"14","smoothing":"wilder"}}]}""";

    // sha256sum of DemoCanonicalText, computed outside .NET: pins the hash across runs, machines and versions.
    private const string DemoHash = "a3390af8386c2557cfb29691bf393a83efac28ad53f9c60f0e9eb02d1a928b60";

    [Fact]
    public void Hash_KnownSchema_EqualsSha256OfItsCanonicalText()
    {
        var schema = Demo();

        Assert.Equal(DemoCanonicalText, schema.CanonicalText);
        Assert.Equal(DemoHash, schema.Hash);
    }

    [Fact]
    public void Hash_BuiltInSetsCreatedTwice_AreIdentical()
    {
        Assert.Equal(DefaultFeatureSet.Create().Schema.Hash, DefaultFeatureSet.Create().Schema.Hash);
        Assert.Equal(IndicatorFeatureSet.Create().Schema.Hash, IndicatorFeatureSet.Create().Schema.Hash);
        Assert.NotEqual(DefaultFeatureSet.Create().Schema.Hash, IndicatorFeatureSet.Create().Schema.Hash);
    }

    public static TheoryData<string, FeatureSchema> Variations() => new()
    {
        { "parameter value", Demo(rsiPeriod: "15") },
        { "parameter key", Demo(rsiPeriodKey: "length") },
        { "feature name", Demo(rsiName: "rsi_fourteen") },
        { "feature family", Demo(rsiFamily: FeatureFamily.Trend) },
        { "order", Demo(swapped: true) },
        { "version", Demo(version: 2) },
        { "set name", Demo(name: "demo2") },
        { "extra parameter", Demo(extraParameter: true) },
    };

    [Theory]
    [MemberData(nameof(Variations))]
    public void Hash_AnyPartChanged_Differs(string change, FeatureSchema changed)
    {
        Assert.True(DemoHash != changed.Hash, $"changing the {change} left the hash unchanged");
    }

    [Fact]
    public void Parse_JsonWrittenByToJson_RoundTripsEveryPartAndTheHash()
    {
        var schema = DefaultFeatureSet.Create().Schema;

        var parsed = FeatureSchema.Parse(schema.ToJson());

        Assert.Equal(schema.Hash, parsed.Hash);
        Assert.Equal(schema.ToJson(), parsed.ToJson());
        Assert.Equal(schema.Features.Select(f => f.Name), parsed.Features.Select(f => f.Name));
        Assert.Equal(schema.Features[^1].Parameters, parsed.Features[^1].Parameters);
    }

    [Fact]
    public void ToJson_Demo_ListsHashAndFeaturesInOrder()
    {
        var json = Demo().ToJson();

        Assert.Contains($"\"hash\": \"{DemoHash}\"", json, StringComparison.Ordinal);
        Assert.True(json.IndexOf("sma_14", StringComparison.Ordinal) < json.IndexOf("rsi_14", StringComparison.Ordinal));
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EditedParameter_IsRejectedBecauseTheHashNoLongerMatches()
    {
        var edited = Demo().ToJson().Replace("\"wilder\"", "\"simple\"", StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => FeatureSchema.Parse(edited));
        Assert.Contains("does not match", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DuplicateFeatureName_Throws()
    {
        var feature = new FeatureDefinition("sma_14", FeatureFamily.Indicator, []);

        Assert.Throws<ArgumentException>(() => new FeatureSchema("demo", 1, [feature, feature]));
    }

    [Fact]
    public void IndexOf_KnownAndUnknownNames_ReturnsPositionOrMinusOne()
    {
        var schema = Demo();

        Assert.Equal(1, schema.IndexOf("rsi_14"));
        Assert.Equal(-1, schema.IndexOf("rsi_15"));
    }

    private static FeatureSchema Demo(
        string name = "demo",
        int version = 1,
        string rsiName = "rsi_14",
        string rsiPeriodKey = "period",
        string rsiPeriod = "14",
        FeatureFamily rsiFamily = FeatureFamily.Momentum,
        bool swapped = false,
        bool extraParameter = false)
    {
        var sma = new FeatureDefinition("sma_14", FeatureFamily.Indicator, [new FeatureParameter("period", "14")]);
        List<FeatureParameter> rsiParameters = [new(rsiPeriodKey, rsiPeriod), new("smoothing", "wilder")];
        if (extraParameter)
        {
            rsiParameters.Add(new FeatureParameter("input", "close"));
        }

        var rsi = new FeatureDefinition(rsiName, rsiFamily, rsiParameters);
        return new FeatureSchema(name, version, swapped ? [rsi, sma] : [sma, rsi]);
    }
}
