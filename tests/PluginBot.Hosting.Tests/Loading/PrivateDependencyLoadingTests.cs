using System.Runtime.Loader;
using PluginBot.Hosting.Loading;
using PluginBot.Hosting.Tests.Fixtures;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Hosting.Tests.Loading;

public sealed class PrivateDependencyLoadingTests
{
    private readonly string shadowRoot = FixtureDirectories.Create("shadow");

    [Fact]
    public void Load_PrivateDependencyInAnotherVersionThanTheHosts_PluginSeesItsOwnVersion()
    {
        Assert.Equal("v1", GreetingDependencyFixture.GreetFromHost());
        var plugin = GreetingDependencyFixture.CreatePlugin("greeting-beside");
        var folder = FixturePluginBuilder.Build(plugin);
        var pluginContext = new FixturePluginContext(plugin.PluginId);

        using var loaded = PluginAssemblyLoader.Load(FixtureLoadRequests.For(plugin, folder, typeof(IStrategy), shadowRoot));
        ((IStrategy)loaded.CreateInstance()).Initialize(pluginContext.Context);

        Assert.Equal(["v2"], pluginContext.Messages);
        Assert.Equal("v1", GreetingDependencyFixture.GreetFromHost());
        var pluginCopy = Assert.Single(AssemblyLoadContext.GetLoadContext(loaded.Assembly)!.Assemblies, assembly => assembly.GetName().Name == GreetingDependencyFixture.AssemblyName);
        Assert.Equal(new Version(2, 0, 0, 0), pluginCopy.GetName().Version);
        Assert.Equal(new Version(1, 0, 0, 0), GreetingDependencyFixture.HostAssembly.GetName().Version);
        Assert.StartsWith(loaded.ShadowDirectory, pluginCopy.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PlatformSpecificDependencyListedInDepsJson_IsResolvedFromItsRuntimesFolder()
    {
        // Platform-specific assets keep their runtimes/{rid}/ path in a build's output; only the .deps.json says
        // where they are, so this passes only if the AssemblyDependencyResolver is used.
        Assert.Equal("v1", GreetingDependencyFixture.GreetFromHost());
        var plugin = GreetingDependencyFixture.CreatePlugin("greeting-deps-json", dependencyRelativePath: UnixDependencyPath);
        plugin = plugin with
        {
            ExtraFiles = new Dictionary<string, byte[]>(plugin.ExtraFiles)
            {
                [WindowsDependencyPath] = plugin.ExtraFiles[UnixDependencyPath],
                ["Fixture.Greeter.Plugin.deps.json"] = System.Text.Encoding.UTF8.GetBytes(DependencyManifest),
            },
        };
        var folder = FixturePluginBuilder.Build(plugin);
        var pluginContext = new FixturePluginContext(plugin.PluginId);

        using var loaded = PluginAssemblyLoader.Load(FixtureLoadRequests.For(plugin, folder, typeof(IStrategy), shadowRoot));
        ((IStrategy)loaded.CreateInstance()).Initialize(pluginContext.Context);

        Assert.Equal(["v2"], pluginContext.Messages);
    }

    [Fact]
    public void Load_DependencyInARuntimesFolderWithoutDepsJson_IsNotReplacedByTheHostsOlderCopy()
    {
        // Nothing tells the loader where the dependency is, so the request reaches the default context, which
        // holds 1.0.0.0 and refuses to stand in for the 2.0.0.0 the plugin was built against.
        Assert.Equal("v1", GreetingDependencyFixture.GreetFromHost());
        var plugin = GreetingDependencyFixture.CreatePlugin("greeting-hidden", dependencyRelativePath: UnixDependencyPath);
        var folder = FixturePluginBuilder.Build(plugin);
        var pluginContext = new FixturePluginContext(plugin.PluginId);

        using var loaded = PluginAssemblyLoader.Load(FixtureLoadRequests.For(plugin, folder, typeof(IStrategy), shadowRoot));
        var strategy = (IStrategy)loaded.CreateInstance();

        var error = Assert.Throws<FileNotFoundException>(() => strategy.Initialize(pluginContext.Context));
        Assert.Contains("Fixture.Greeting, Version=2.0.0.0", error.Message, StringComparison.Ordinal);
        Assert.Empty(pluginContext.Messages);
    }

    private const string UnixDependencyPath = "runtimes/unix/lib/net10.0/Fixture.Greeting.dll";

    private const string WindowsDependencyPath = "runtimes/win/lib/net10.0/Fixture.Greeting.dll";

    /// <summary>What `dotnet build` writes for a plugin with a platform-specific package dependency, trimmed to what the resolver reads.</summary>
    private const string DependencyManifest = """
        {
          "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0", "signature": "" },
          "compilationOptions": {},
          "targets": {
            ".NETCoreApp,Version=v10.0": {
              "Fixture.Greeter.Plugin/1.0.0": {
                "dependencies": { "Fixture.Greeting": "2.0.0" },
                "runtime": { "Fixture.Greeter.Plugin.dll": {} }
              },
              "Fixture.Greeting/2.0.0": {
                "runtimeTargets": {
                  "runtimes/unix/lib/net10.0/Fixture.Greeting.dll": { "rid": "unix", "assetType": "runtime", "assemblyVersion": "2.0.0.0", "fileVersion": "2.0.0.0" },
                  "runtimes/win/lib/net10.0/Fixture.Greeting.dll": { "rid": "win", "assetType": "runtime", "assemblyVersion": "2.0.0.0", "fileVersion": "2.0.0.0" }
                }
              }
            }
          },
          "libraries": {
            "Fixture.Greeter.Plugin/1.0.0": { "type": "project", "serviceable": false, "sha512": "" },
            "Fixture.Greeting/2.0.0": { "type": "package", "serviceable": true, "sha512": "", "path": "fixture.greeting/2.0.0" }
          }
        }
        """;
}
