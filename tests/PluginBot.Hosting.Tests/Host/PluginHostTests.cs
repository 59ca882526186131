using System.Runtime.CompilerServices;
using PluginBot.Hosting.Tests.Fixtures;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Hosting.Tests.Host;

public sealed class PluginHostTests
{
    [Fact]
    public void Load_VersionOneAndTwoOfOnePlugin_BothLoadAndBehaveAsTheirVersion()
    {
        using var host = new PluginHost(FixtureDirectories.Create("host-shadow"));

        var v1 = host.Load(FixturePluginBuilder.Build(Strategy("versioned", "1.0.0", 0.1)));
        var v2 = host.Load(FixturePluginBuilder.Build(Strategy("versioned", "2.0.0", 0.2)));

        Assert.Equal((PluginState.Loaded, "1.0.0"), (v1.State, v1.Version));
        Assert.Equal((PluginState.Loaded, "2.0.0"), (v2.State, v2.Version));
        Assert.Equal(0.1, ConfidenceOf(v1));
        Assert.Equal(0.2, ConfidenceOf(v2));
    }

    [Fact]
    public void Load_PluginWithAPrivateDependencyInAnotherVersionThanTheHosts_UsesItsOwnCopy()
    {
        using var host = new PluginHost(FixtureDirectories.Create("host-shadow"));

        var plugin = host.Load(FixturePluginBuilder.Build(GreetingDependencyFixture.CreatePlugin("greeter")));

        Assert.Equal(PluginState.Loaded, plugin.State);
        Assert.Equal("v1", GreetingDependencyFixture.GreetFromHost());
        Assert.Equal("v2", plugin.CreateInstance().GetType().GetProperty("Greeting")!.GetValue(plugin.CreateInstance()));
    }

    [Fact]
    public void Load_PluginWhoseConstructorThrows_IsFaultedWithTheErrorAndItsStack()
    {
        using var host = new PluginHost(FixtureDirectories.Create("host-shadow"));
        var fixture = new FixturePlugin("throwing", "1.0.0",
            new FixtureAssembly("Fixture.Throwing", FixtureSources.ThrowingConstructorStrategy("Fixture.Throwing", "ThrowingStrategy")),
            "Fixture.Throwing.ThrowingStrategy");

        var plugin = host.Load(FixturePluginBuilder.Build(fixture));

        Assert.Equal(PluginState.Faulted, plugin.State);
        var error = Assert.Single(plugin.Errors);
        Assert.Contains("model file missing", error);
        Assert.Contains("LoadModel", error);
        Assert.Throws<InvalidOperationException>(() => plugin.CreateInstance());
    }

    [Fact]
    public void Load_PluginWithABadManifest_IsRefusedWithEveryErrorAndItsPath()
    {
        using var host = new PluginHost(FixtureDirectories.Create("host-shadow"));
        var fixture = Strategy("bad-manifest", "1.0.0", 0.5) with
        {
            ManifestJson = """{ "id": "Bad Id", "kind": "oracle", "version": "1.x", "sdkVersion": "^1.0", "assembly": "Fixture.bad-manifest.dll" }""",
        };

        var plugin = host.Load(FixturePluginBuilder.Build(fixture));

        Assert.Equal(PluginState.Refused, plugin.State);
        Assert.Contains(plugin.Errors, error => error.Contains("$.id", StringComparison.Ordinal));
        Assert.Contains(plugin.Errors, error => error.Contains("$.kind", StringComparison.Ordinal));
        Assert.Contains(plugin.Errors, error => error.Contains("$.version", StringComparison.Ordinal));
        Assert.Contains(plugin.Errors, error => error.Contains("entryType", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_PluginBuiltAgainstAFutureSdkMajor_IsRefusedNamingBothVersions()
    {
        using var host = new PluginHost(FixtureDirectories.Create("host-shadow"));

        var plugin = host.Load(FixturePluginBuilder.Build(FutureSdkFixture.CreatePlugin("future", shipSdkCopy: false)));

        Assert.Equal(PluginState.Refused, plugin.State);
        var error = Assert.Single(plugin.Errors);
        Assert.Contains("SDK 2.0", error);
        Assert.Contains("SDK 1.0", error);
    }

    [Fact]
    public void Load_ManifestClaimingAnSdkTheAssemblyWasNotBuiltFor_IsRefused()
    {
        // The manifest says ^1.0 but the assembly references PluginBot.Sdk 2.0: the stamped reference wins.
        using var host = new PluginHost(FixtureDirectories.Create("host-shadow"));
        var fixture = FutureSdkFixture.CreatePlugin("lying", shipSdkCopy: false) with { SdkVersionRange = "^1.0" };

        var plugin = host.Load(FixturePluginBuilder.Build(fixture));

        Assert.Equal(PluginState.Refused, plugin.State);
        Assert.Contains("built against PluginBot.Sdk 2.0", Assert.Single(plugin.Errors));
    }

    [Fact]
    public void Release_VersionNoLongerUsed_IsUnloadedAndCollected()
    {
        using var host = new PluginHost(FixtureDirectories.Create("host-shadow"));
        var plugin = host.Load(FixturePluginBuilder.Build(Strategy("released", "1.0.0", 0.3)));
        Assert.Equal(0.3, ConfidenceOf(plugin));

        var collected = host.Release(plugin);

        Assert.True(collected);
        Assert.Equal(PluginState.Unloaded, plugin.State);
    }

    [Fact]
    public void LoadDirectory_MixedFolders_LoadsTheGoodOnesAndRecordsTheOthers()
    {
        var directory = FixtureDirectories.Create("host-directory");
        FixturePluginBuilder.BuildInto(Strategy("good", "1.0.0", 0.4), Path.Combine(directory, "good"));
        FixturePluginBuilder.BuildInto(FutureSdkFixture.CreatePlugin("future", shipSdkCopy: false), Path.Combine(directory, "future"));
        Directory.CreateDirectory(Path.Combine(directory, "not-a-plugin"));
        using var host = new PluginHost(FixtureDirectories.Create("host-shadow"));

        var plugins = host.LoadDirectory(directory);

        Assert.Equal(new[] { ("future", PluginState.Refused), ("good", PluginState.Loaded) }, plugins.Select(p => (p.Id, p.State)));
    }

    internal static FixturePlugin Strategy(string id, string version, double confidence)
    {
        var assemblyName = "Fixture." + id;
        return new FixturePlugin(id, version,
            new FixtureAssembly(assemblyName, FixtureSources.ConstantLongStrategy(assemblyName.Replace('-', '_'), "ConstantStrategy", confidence))
            {
                AssemblyVersion = new Version(version + ".0"),
            },
            assemblyName.Replace('-', '_') + ".ConstantStrategy");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double ConfidenceOf(HostedPlugin plugin)
    {
        var strategy = (IStrategy)plugin.CreateInstance();
        var bar = new Bar("TEST", BarInterval.OneMinute, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), 1m, 1m, 1m, 1m, 1m);
        return strategy.OnBar(in bar).Confidence;
    }
}
