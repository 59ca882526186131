using System.Text.Json;
using PluginBot.Experts.MeanReversion;
using PluginBot.Experts.RangeConsolidation;
using PluginBot.Experts.TrendFollowing;
using PluginBot.Experts.VolatilityBreakout;
using PluginBot.Plugins.Experts.Tests.Infrastructure;
using PluginBot.Plugins.RegimeRules;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.Experts.Tests;

/// <summary>
/// The plugin.json beside each plugin is what the host loads and fills defaults from: its id, kind, entry type and
/// schema defaults must agree with the code, or a composition would run with other settings than the code documents.
/// </summary>
public sealed class ManifestTests
{
    public static TheoryData<string, string, Type> Plugins => new()
    {
        { "regime-rules", "regime-detector", typeof(RuleBasedRegimeDetector) },
        { "trend-following", "expert", typeof(TrendFollowingExpert) },
        { "mean-reversion", "expert", typeof(MeanReversionExpert) },
        { "volatility-breakout", "expert", typeof(VolatilityBreakoutExpert) },
        { "range-consolidation", "expert", typeof(RangeConsolidationExpert) },
    };

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Manifest_EachPlugin_NamesItsFolderKindTypeAndAssemblyAndClosesItsSchema(string folder, string kind, Type type)
    {
        using var manifest = Load(folder);
        var root = manifest.RootElement;

        Assert.Equal(folder, root.GetProperty("id").GetString());
        Assert.Equal(kind, root.GetProperty("kind").GetString());
        Assert.Equal("1.0.0", root.GetProperty("version").GetString());
        Assert.Equal("^1.0", root.GetProperty("sdkVersion").GetString());
        Assert.Equal(type.FullName, root.GetProperty("entryType").GetString());
        Assert.Equal(type.Assembly.GetName().Name + ".dll", root.GetProperty("assembly").GetString());
        Assert.False(root.GetProperty("configSchema").GetProperty("additionalProperties").GetBoolean());
        var plugin = Activator.CreateInstance(type)!;
        Assert.Equal(kind == "expert", plugin is IExpert);
        Assert.Equal(kind == "regime-detector", plugin is IRegimeDetector);
        if (plugin is IExpert expert)
        {
            Assert.Equal(folder, expert.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Manifest_SchemaDefaults_InitializeTheSameOptionsAsNoSettings(string folder, string kind, Type type)
    {
        // Settings made of nothing but the schema's defaults must give the same options as no settings at all.
        using var manifest = Load(folder);
        var properties = manifest.RootElement.GetProperty("configSchema").GetProperty("properties").EnumerateObject().ToList();
        var defaults = properties.ToDictionary(property => property.Name, property => property.Value.GetProperty("default"));
        var fromDefaults = (IPlugin)Activator.CreateInstance(type)!;
        var fromNothing = (IPlugin)Activator.CreateInstance(type)!;

        fromDefaults.Initialize(TestContext.With(JsonSerializer.Serialize(defaults)));
        fromNothing.Initialize(TestContext.With());

        Assert.NotEmpty(kind);
        Assert.Equal(properties.Count, OptionsOf(fromNothing).GetType().GetProperties().Count(p => p.CanWrite));
        Assert.Equal(OptionsOf(fromNothing), OptionsOf(fromDefaults));
        Assert.Equal(OptionsOf(Activator.CreateInstance(type)!), OptionsOf(fromDefaults));
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Manifest_EverySchemaProperty_IsASettingTheCodeAccepts(string folder, string kind, Type type)
    {
        // Each schema property alone, set to its default, is accepted: a schema name the code does not know would be
        // rejected by RejectUnknown with its path.
        using var manifest = Load(folder);
        foreach (var property in manifest.RootElement.GetProperty("configSchema").GetProperty("properties").EnumerateObject())
        {
            var plugin = (IPlugin)Activator.CreateInstance(type)!;
            var json = JsonSerializer.Serialize(new Dictionary<string, JsonElement> { [property.Name] = property.Value.GetProperty("default") });
            plugin.Initialize(TestContext.With(json));
            Assert.Equal(OptionsOf(Activator.CreateInstance(type)!), OptionsOf(plugin));
        }

        Assert.NotEmpty(kind);
    }

    private static object OptionsOf(object plugin) => plugin.GetType().GetProperty("Options")!.GetValue(plugin)!;

    private static JsonDocument Load(string folder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Manifests", folder, "plugin.json")));
}
