using System.Text.Json;
using PluginBot.Plugins.Risk.CircuitBreaker;
using PluginBot.Plugins.Risk.Correlation;
using PluginBot.Plugins.Risk.DailyLoss;
using PluginBot.Plugins.Risk.Drawdown;
using PluginBot.Plugins.Risk.ExecutionAdaptive;
using PluginBot.Plugins.Risk.GrossLeverage;
using PluginBot.Plugins.Risk.KillSwitch;
using PluginBot.Plugins.Risk.PositionLimit;
using PluginBot.Plugins.Risk.Tests.Infrastructure;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.Risk.Tests;

/// <summary>
/// The plugin.json beside each layer is what the host loads and fills defaults from: its id, entry type and schema
/// defaults must agree with the code, or a composition would run with different limits than the code's docs say.
/// </summary>
public sealed class ManifestTests
{
    public static TheoryData<string, Type> Layers => new()
    {
        { "risk-position-limit", typeof(PositionLimitRiskManager) },
        { "risk-gross-leverage", typeof(GrossLeverageRiskManager) },
        { "risk-daily-loss", typeof(DailyLossRiskManager) },
        { "risk-drawdown", typeof(DrawdownRiskManager) },
        { "risk-kill-switch", typeof(KillSwitchRiskManager) },
        { "risk-correlation", typeof(CorrelationRiskManager) },
        { "risk-circuit-breaker", typeof(CircuitBreakerRiskManager) },
        { "risk-execution-adaptive", typeof(ExecutionAdaptiveRiskManager) },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void Manifest_EachLayer_NamesItsFolderTypeAndAssemblyAndClosesItsSchema(string folder, Type type)
    {
        using var manifest = Load(folder);
        var root = manifest.RootElement;

        Assert.Equal(folder, root.GetProperty("id").GetString());
        Assert.Equal("risk-manager", root.GetProperty("kind").GetString());
        Assert.Equal("1.0.0", root.GetProperty("version").GetString());
        Assert.Equal("^1.0", root.GetProperty("sdkVersion").GetString());
        Assert.Equal(type.FullName, root.GetProperty("entryType").GetString());
        Assert.Equal(type.Assembly.GetName().Name + ".dll", root.GetProperty("assembly").GetString());
        Assert.False(root.GetProperty("configSchema").GetProperty("additionalProperties").GetBoolean());
        var layer = (IRiskManager)Activator.CreateInstance(type)!;
        Assert.Equal(folder, layer.Name);
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void Manifest_SchemaDefaults_InitializeTheSameLayerAsNoSettings(string folder, Type type)
    {
        // Settings made of nothing but the schema's defaults must give the same layer as no settings at all.
        using var manifest = Load(folder);
        var defaults = manifest.RootElement.GetProperty("configSchema").GetProperty("properties").EnumerateObject()
            .ToDictionary(property => property.Name, property => property.Value.GetProperty("default"));
        var fromDefaults = (IRiskManager)Activator.CreateInstance(type)!;
        var fromNothing = (IRiskManager)Activator.CreateInstance(type)!;

        fromDefaults.Initialize(RiskContext.Create(new FakePortfolio(), JsonSerializer.Serialize(defaults)));
        fromNothing.Initialize(RiskContext.Create(new FakePortfolio()));

        Assert.NotEmpty(defaults);
        Assert.Equal(Describe(fromNothing), Describe(fromDefaults));
    }

    private static JsonDocument Load(string folder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Manifests", folder, "plugin.json")));

    // Every public setting-backed property, so a default that differs between schema and code shows up by name.
    private static string Describe(IRiskManager layer) => layer switch
    {
        PositionLimitRiskManager position => $"maximumFraction={Plain(position.MaximumFraction)}",
        GrossLeverageRiskManager gross => $"maximumLeverage={Plain(gross.MaximumLeverage)}",
        DailyLossRiskManager daily => $"maximumDailyLoss={Plain(daily.MaximumDailyLoss)}",
        DrawdownRiskManager drawdown =>
            $"maximumDrawdown={Plain(drawdown.MaximumDrawdown)}; levels={string.Join(", ", drawdown.Levels.Select(level => $"{Plain(level.Drawdown)}→{Plain(level.Scale)}"))}",
        KillSwitchRiskManager killSwitch => $"engaged={killSwitch.IsEngaged}",
        CorrelationRiskManager correlation =>
            $"window={correlation.Window}; minimumObservations={correlation.MinimumObservations}; correlationThreshold={Plain((decimal)correlation.CorrelationThreshold)}; maximumClusterFraction={Plain(correlation.MaximumClusterFraction)}",
        CircuitBreakerRiskManager breaker =>
            $"maximumConsecutiveLosses={breaker.MaximumConsecutiveLosses}; consecutiveLossCooldown={breaker.ConsecutiveLossCooldown}; staleAfterBars={breaker.StaleAfterBars}; staleDataCooldown={breaker.StaleDataCooldown}; maximumFillLatency={breaker.MaximumFillLatency}; latencyCooldown={breaker.LatencyCooldown}",
        ExecutionAdaptiveRiskManager adaptive =>
            $"slippageToleranceBasisPoints={Plain((decimal)adaptive.SlippageToleranceBasisPoints)}; slippageSensitivity={Plain((decimal)adaptive.SlippageSensitivity)}; minimumFills={adaptive.MinimumFills}; poorHitRate={Plain((decimal)adaptive.PoorHitRate)}; poorHitRateMultiplier={Plain(adaptive.PoorHitRateMultiplier)}; minimumScale={Plain(adaptive.MinimumScale)}",
        _ => throw new ArgumentException($"no description for {layer.GetType().Name}", nameof(layer)),
    };

    // 1.0 from JSON and 1 from code are the same limit: compare values, not the decimal's stored scale.
    private static string Plain(decimal value) => value.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture);
}
