using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using PluginBot.Hosting.Loading;
using PluginBot.Hosting.Tests.Fixtures;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Hosting.Tests.Loading;

public sealed class LoadFailureTests
{
    private readonly string shadowRoot = FixtureDirectories.Create("shadow");

    [Fact]
    public void CreateInstance_ConstructorThrows_PluginLoadExceptionNamesThePluginAndKeepsTheOriginalWithItsStack()
    {
        var plugin = Plugin("throwing-constructor", "Fixture.Throwing", "ThrowingStrategy", FixtureSources.ThrowingConstructorStrategy("Fixture.Throwing", "ThrowingStrategy"));
        var folder = FixturePluginBuilder.Build(plugin);
        using var loaded = PluginAssemblyLoader.Load(FixtureLoadRequests.For(plugin, folder, typeof(IStrategy), shadowRoot));

        var error = Assert.Throws<PluginLoadException>(() => loaded.CreateInstance());

        Assert.Equal(PluginLoadFailure.ConstructorFailed, error.Failure);
        Assert.Equal("throwing-constructor", error.PluginId);
        Assert.Equal(
            "Plugin 'throwing-constructor' 1.0.0: the constructor of entry type Fixture.Throwing.ThrowingStrategy threw System.InvalidOperationException: model file missing",
            error.Message);
        var inner = Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Equal("model file missing", inner.Message);
        Assert.Contains("Fixture.Throwing.ThrowingStrategy.LoadModel()", inner.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EntryTypeMissing_ErrorNamesTheTypeTheFileAndTheTypesThatWouldFit()
    {
        var plugin = Plugin("missing-entry", "Fixture.Missing", "RealStrategy", FixtureSources.ConstantLongStrategy("Fixture.Missing", "RealStrategy", 0.5))
            with { EntryTypeName = "Fixture.Missing.TypoStrategy" };
        var folder = FixturePluginBuilder.Build(plugin);

        var error = Assert.Throws<PluginLoadException>(() => PluginAssemblyLoader.Load(FixtureLoadRequests.For(plugin, folder, typeof(IStrategy), shadowRoot)));

        Assert.Equal(PluginLoadFailure.EntryTypeNotFound, error.Failure);
        Assert.Equal(
            "Plugin 'missing-entry' 1.0.0: entry type Fixture.Missing.TypoStrategy was not found in Fixture.Missing.dll; "
            + "public types implementing PluginBot.Sdk.Plugins.IStrategy: Fixture.Missing.RealStrategy.",
            error.Message);
    }

    [Fact]
    public void Load_EntryTypeImplementsAnotherPluginInterface_ErrorNamesTheExpectedInterface()
    {
        var plugin = Plugin("wrong-interface", "Fixture.Sizer", "ZeroSizer", FixtureSources.PositionSizer("Fixture.Sizer", "ZeroSizer"));
        var folder = FixturePluginBuilder.Build(plugin);

        var error = Assert.Throws<PluginLoadException>(() => PluginAssemblyLoader.Load(FixtureLoadRequests.For(plugin, folder, typeof(IStrategy), shadowRoot)));

        Assert.Equal(PluginLoadFailure.EntryTypeInvalid, error.Failure);
        Assert.Equal(
            "Plugin 'wrong-interface' 1.0.0: entry type Fixture.Sizer.ZeroSizer in Fixture.Sizer.dll does not implement PluginBot.Sdk.Plugins.IStrategy.",
            error.Message);
    }

    [Fact]
    public void Load_EntryTypeImplementsALookAlikeInterfaceOfTheSameName_ErrorNamesBothAssemblies()
    {
        // The classic plugin mistake: the plugin carries its own definition of the SDK interface, which has the
        // same full name as the host's but is a different type.
        const string source = """
            namespace PluginBot.Sdk.Plugins
            {
                public interface IStrategy
                {
                    double Decide(double price);
                }
            }

            namespace Fixture.LookAlike
            {
                public sealed class Entry : PluginBot.Sdk.Plugins.IStrategy
                {
                    public double Decide(double price) => 1;
                }
            }
            """;
        var plugin = new FixturePlugin("look-alike", "1.0.0", new FixtureAssembly("Fixture.LookAlike", source) { ReferenceHostSdk = false }, "Fixture.LookAlike.Entry");
        var folder = FixturePluginBuilder.Build(plugin);

        var error = Assert.Throws<PluginLoadException>(() => PluginAssemblyLoader.Load(FixtureLoadRequests.For(plugin, folder, typeof(IStrategy), shadowRoot)));

        Assert.Equal(PluginLoadFailure.EntryTypeInvalid, error.Failure);
        Assert.Equal(
            "Plugin 'look-alike' 1.0.0: entry type Fixture.LookAlike.Entry in Fixture.LookAlike.dll does not implement PluginBot.Sdk.Plugins.IStrategy "
            + $"from the host's {typeof(IStrategy).Assembly.GetName()}; it implements a different copy of it from Fixture.LookAlike, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null.",
            error.Message);
    }

    [Theory]
    [InlineData("internal sealed class Hidden : IStrategy { public void Initialize(IPluginContext context) { } public Signal OnBar(in Bar bar) => Signal.Hold; }", "is not public")]
    [InlineData("public abstract class Hidden : IStrategy { public void Initialize(IPluginContext context) { } public Signal OnBar(in Bar bar) => Signal.Hold; }", "is abstract")]
    [InlineData("public sealed class Hidden(int size) : IStrategy { public void Initialize(IPluginContext context) { } public Signal OnBar(in Bar bar) => Signal.Long(size / 100.0); }", "has no public parameterless constructor")]
    public void Load_EntryTypeTheHostCannotConstruct_ErrorSaysWhatIsWrong(string declaration, string expectedReason)
    {
        var source = "using PluginBot.Sdk.Market; using PluginBot.Sdk.Plugins; using PluginBot.Sdk.Signals; namespace Fixture.Hidden; " + declaration;
        var plugin = Plugin("unusable-entry", "Fixture.Hidden", "Hidden", source);
        var folder = FixturePluginBuilder.Build(plugin);

        var error = Assert.Throws<PluginLoadException>(() => PluginAssemblyLoader.Load(FixtureLoadRequests.For(plugin, folder, typeof(IStrategy), shadowRoot)));

        Assert.Equal(PluginLoadFailure.EntryTypeInvalid, error.Failure);
        Assert.StartsWith("Plugin 'unusable-entry' 1.0.0: entry type Fixture.Hidden.Hidden in Fixture.Hidden.dll " + expectedReason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AssemblyFileMissing_ErrorNamesTheFileAndTheFolder()
    {
        var plugin = Plugin("missing-assembly", "Fixture.Present", "PresentStrategy", FixtureSources.ConstantLongStrategy("Fixture.Present", "PresentStrategy", 0.5));
        var folder = FixturePluginBuilder.Build(plugin);
        var request = FixtureLoadRequests.For(plugin, folder, typeof(IStrategy), shadowRoot) with { AssemblyFileName = "Fixture.Absent.dll" };

        var error = Assert.Throws<PluginLoadException>(() => PluginAssemblyLoader.Load(request));

        Assert.Equal(PluginLoadFailure.AssemblyNotFound, error.Failure);
        Assert.Equal($"Plugin 'missing-assembly' 1.0.0: assembly Fixture.Absent.dll not found in {folder}.", error.Message);
    }

    [Fact]
    public void Load_AssemblyFileIsNotDotNet_ErrorSaysItIsNotAValidAssembly()
    {
        var folder = FixtureDirectories.Create("not-an-assembly");
        File.WriteAllText(Path.Combine(folder, "Fixture.Text.dll"), "this is a text file with a .dll name");
        var request = new PluginAssemblyLoadRequest("not-an-assembly", "1.0.0", folder, "Fixture.Text.dll", "Fixture.Text.Strategy", typeof(IStrategy), shadowRoot);

        var error = Assert.Throws<PluginLoadException>(() => PluginAssemblyLoader.Load(request));

        Assert.Equal(PluginLoadFailure.AssemblyInvalid, error.Failure);
        Assert.StartsWith($"Plugin 'not-an-assembly' 1.0.0: Fixture.Text.dll in {folder} is not a valid .NET assembly", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AssemblyNameWithAFolder_IsRefusedBeforeAnythingIsRead()
    {
        var folder = FixtureDirectories.Create("escaping");
        var request = new PluginAssemblyLoadRequest("escaping", "1.0.0", folder, "../Other/Plugin.dll", "Other.Strategy", typeof(IStrategy), shadowRoot);

        var error = Assert.Throws<PluginLoadException>(() => PluginAssemblyLoader.Load(request));

        Assert.Equal(PluginLoadFailure.AssemblyNotFound, error.Failure);
        Assert.Contains("must be a file name inside the plugin folder", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_PluginBuiltAgainstAFutureSdkMajor_IsRefusedNamingBothVersions(bool shipSdkCopy)
    {
        var plugin = FutureSdkFixture.CreatePlugin("future-sdk", shipSdkCopy);
        var folder = FixturePluginBuilder.Build(plugin);

        var error = Assert.Throws<PluginLoadException>(() => PluginAssemblyLoader.Load(FixtureLoadRequests.For(plugin, folder, typeof(IStrategy), shadowRoot)));

        Assert.Equal(PluginLoadFailure.SharedAssemblyIncompatible, error.Failure);
        Assert.Equal(
            $"Plugin 'future-sdk' 1.0.0: Future.Plugin.dll was built against PluginBot.Sdk 2.0.0.0 but the host provides PluginBot.Sdk {typeof(IPlugin).Assembly.GetName().Version}; "
            + "a plugin needs the same major version and a minor version not above the host's.",
            error.Message);
    }

    [Fact]
    public void Load_Failure_UnloadsTheContextItCreated()
    {
        var plugin = Plugin("failed-load-unloads", "Fixture.SizerUnload", "ZeroSizer", FixtureSources.PositionSizer("Fixture.SizerUnload", "ZeroSizer"));
        var folder = FixturePluginBuilder.Build(plugin);

        var context = FailToLoad(FixtureLoadRequests.For(plugin, folder, typeof(IStrategy), shadowRoot));

        Assert.True(UnloadVerifier.WaitForCollection(context));
    }

    /// <summary>Loads a plugin that must fail and returns a weak reference to the context the failed load created.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference FailToLoad(PluginAssemblyLoadRequest request)
    {
        // A failed load has already unloaded its context, which drops it from AssemblyLoadContext.All; the load
        // event is the only place to catch sight of it.
        var contextName = $"plugin:{request.PluginId}@{request.Version}";
        var seen = new List<WeakReference>();
        AssemblyLoadEventHandler onLoad = (_, arguments) =>
        {
            var context = AssemblyLoadContext.GetLoadContext(arguments.LoadedAssembly);
            if (context?.Name == contextName)
            {
                seen.Add(new WeakReference(context));
            }
        };
        AppDomain.CurrentDomain.AssemblyLoad += onLoad;
        try
        {
            Assert.Throws<PluginLoadException>(() => PluginAssemblyLoader.Load(request));
        }
        finally
        {
            AppDomain.CurrentDomain.AssemblyLoad -= onLoad;
        }

        return Assert.Single(seen);
    }

    private static FixturePlugin Plugin(string pluginId, string assemblyName, string className, string source) =>
        new(pluginId, "1.0.0", new FixtureAssembly(assemblyName, source), $"{assemblyName}.{className}");
}
