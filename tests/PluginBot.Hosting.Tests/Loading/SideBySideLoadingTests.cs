using System.Runtime.Loader;
using PluginBot.Hosting.Loading;
using PluginBot.Hosting.Tests.Fixtures;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Hosting.Tests.Loading;

public sealed class SideBySideLoadingTests
{
    private readonly string shadowRoot = FixtureDirectories.Create("shadow");

    [Fact]
    public void Load_TwoVersionsOfOnePluginWithTheSameAssemblyName_EachRunsItsOwnCode()
    {
        var version1 = ConstantStrategy("1.0.0", confidence: 0.1);
        var version2 = ConstantStrategy("2.0.0", confidence: 0.2);
        var folder1 = FixturePluginBuilder.Build(version1);
        var folder2 = FixturePluginBuilder.Build(version2);

        using var loaded1 = PluginAssemblyLoader.Load(FixtureLoadRequests.For(version1, folder1, typeof(IStrategy), shadowRoot));
        using var loaded2 = PluginAssemblyLoader.Load(FixtureLoadRequests.For(version2, folder2, typeof(IStrategy), shadowRoot));
        var strategy1 = (IStrategy)loaded1.CreateInstance();
        var strategy2 = (IStrategy)loaded2.CreateInstance();

        Assert.Equal(Signal.Long(0.1), strategy1.OnBar(LoadingTestBars.Sample));
        Assert.Equal(Signal.Long(0.2), strategy2.OnBar(LoadingTestBars.Sample));
        Assert.Equal(new Version(1, 0, 0, 0), loaded1.Assembly.GetName().Version);
        Assert.Equal(new Version(2, 0, 0, 0), loaded2.Assembly.GetName().Version);
        Assert.NotSame(AssemblyLoadContext.GetLoadContext(loaded1.Assembly), AssemblyLoadContext.GetLoadContext(loaded2.Assembly));
        Assert.NotEqual(loaded1.ShadowDirectory, loaded2.ShadowDirectory);
    }

    [Fact]
    public void Load_StrategyPlugin_ImplementsTheHostsOwnSdkInterfaceType()
    {
        var plugin = ConstantStrategy("1.0.0", confidence: 0.5);
        var folder = FixturePluginBuilder.Build(plugin);

        using var loaded = PluginAssemblyLoader.Load(FixtureLoadRequests.For(plugin, folder, typeof(IStrategy), shadowRoot));

        var pluginInterface = Assert.Single(loaded.EntryType.GetInterfaces(), type => type.Name == nameof(IStrategy));
        Assert.Same(typeof(IStrategy), pluginInterface);
        Assert.Same(typeof(IStrategy).Assembly, pluginInterface.Assembly);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(pluginInterface.Assembly));
        Assert.IsAssignableFrom<IStrategy>(loaded.CreateInstance());
    }

    [Fact]
    public void Load_AnyPlugin_GetsItsOwnCollectibleContextNamedAfterIdAndVersion()
    {
        var plugin = ConstantStrategy("1.4.2", confidence: 0.5);
        var folder = FixturePluginBuilder.Build(plugin);

        using var loaded = PluginAssemblyLoader.Load(FixtureLoadRequests.For(plugin, folder, typeof(IStrategy), shadowRoot));

        var context = Assert.IsType<PluginLoadContext>(AssemblyLoadContext.GetLoadContext(loaded.Assembly));
        Assert.True(context.IsCollectible);
        Assert.Equal("plugin:constant-strategy@1.4.2", context.Name);
        Assert.Equal("plugin:constant-strategy@1.4.2", loaded.LoadContextName);
        Assert.Equal(("constant-strategy", "1.4.2"), (loaded.Id, loaded.Version));
    }

    [Fact]
    public void Load_PluginShippingItsOwnCopyOfTheSdk_StillUsesTheHostsSdk()
    {
        var plugin = ConstantStrategy("1.0.0", confidence: 0.3) with
        {
            ExtraFiles = new Dictionary<string, byte[]> { ["PluginBot.Sdk.dll"] = File.ReadAllBytes(typeof(IPlugin).Assembly.Location) },
        };
        var folder = FixturePluginBuilder.Build(plugin);

        using var loaded = PluginAssemblyLoader.Load(FixtureLoadRequests.For(plugin, folder, typeof(IStrategy), shadowRoot));
        var strategy = (IStrategy)loaded.CreateInstance();

        Assert.Equal(Signal.Long(0.3), strategy.OnBar(LoadingTestBars.Sample));
        Assert.DoesNotContain(AssemblyLoadContext.GetLoadContext(loaded.Assembly)!.Assemblies, assembly => assembly.GetName().Name == "PluginBot.Sdk");
    }

    [Fact]
    public void Load_StrategyInitialisedWithAContext_LogsThroughTheHostsLogger()
    {
        var plugin = ConstantStrategy("1.0.0", confidence: 0.25);
        var folder = FixturePluginBuilder.Build(plugin);
        var pluginContext = new FixturePluginContext(plugin.PluginId);

        using var loaded = PluginAssemblyLoader.Load(FixtureLoadRequests.For(plugin, folder, typeof(IStrategy), shadowRoot));
        ((IStrategy)loaded.CreateInstance()).Initialize(pluginContext.Context);

        Assert.Equal(["ready 0.25"], pluginContext.Messages);
    }

    private static FixturePlugin ConstantStrategy(string version, double confidence) =>
        new(
            "constant-strategy",
            version,
            new FixtureAssembly("Fixture.Constant", FixtureSources.ConstantLongStrategy("Fixture.Constant", "ConstantStrategy", confidence))
            {
                AssemblyVersion = Version.Parse(version + ".0"),
            },
            "Fixture.Constant.ConstantStrategy");
}
