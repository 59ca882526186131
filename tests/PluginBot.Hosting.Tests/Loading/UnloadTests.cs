using System.Runtime.CompilerServices;
using PluginBot.Hosting.Loading;
using PluginBot.Hosting.Tests.Fixtures;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Hosting.Tests.Loading;

public sealed class UnloadTests
{
    private readonly string shadowRoot = FixtureDirectories.Create("shadow");

    [Fact]
    public void Unload_AfterThePluginWasUsedAndDropped_ContextIsCollected()
    {
        var plugin = Strategy("unload-plain", "Fixture.UnloadPlain", FixtureSources.ConstantLongStrategy("Fixture.UnloadPlain", "Entry", 0.7));

        var (context, signal, _) = LoadUseAndUnload(plugin);

        Assert.Equal(Signal.Long(0.7), signal);
        Assert.True(UnloadVerifier.WaitForCollection(context));
    }

    [Fact]
    public void Unload_PluginThatSerializedItsOwnTypeWithSystemTextJson_ContextIsCollected()
    {
        // DESIGN.md's unload trap: System.Text.Json's default options cache metadata of every type serialized,
        // including the plugin's, in static state of the default context.
        const string source = """
            using System.Text.Json;
            using PluginBot.Sdk.Market;
            using PluginBot.Sdk.Plugins;
            using PluginBot.Sdk.Signals;

            namespace Fixture.UnloadJson;

            public sealed record State(string Symbol, decimal Close);

            public sealed class Entry : IStrategy
            {
                public string Snapshot { get; private set; } = "";

                public void Initialize(IPluginContext context)
                {
                }

                public Signal OnBar(in Bar bar)
                {
                    Snapshot = JsonSerializer.Serialize(new State(bar.Symbol, bar.Close));
                    return Signal.Long(0.5);
                }
            }
            """;
        var plugin = Strategy("unload-json", "Fixture.UnloadJson", source);

        var (context, _, snapshot) = LoadUseAndUnload(plugin);

        Assert.Equal("""{"Symbol":"BTCUSDT","Close":100.5}""", snapshot);
        Assert.True(UnloadVerifier.WaitForCollection(context));
    }

    [Fact]
    public void Unload_CalledTwice_ReturnsTheSameReferenceAndTheTypesAreNoLongerHandedOut()
    {
        var plugin = Strategy("unload-twice", "Fixture.UnloadTwice", FixtureSources.ConstantLongStrategy("Fixture.UnloadTwice", "Entry", 0.5));
        var folder = FixturePluginBuilder.Build(plugin);
        var loaded = PluginAssemblyLoader.Load(FixtureLoadRequests.For(plugin, folder, typeof(IStrategy), shadowRoot));

        var first = loaded.Unload();
        var second = loaded.Unload();

        Assert.Same(first, second);
        Assert.True(loaded.IsUnloaded);
        Assert.Throws<ObjectDisposedException>(() => loaded.EntryType);
        Assert.Throws<ObjectDisposedException>(() => loaded.Assembly);
        Assert.Throws<ObjectDisposedException>(() => loaded.CreateInstance());
    }

    [Fact]
    public void WaitForCollection_ReferenceStillHeld_ReturnsFalse()
    {
        var plugin = Strategy("unload-held", "Fixture.UnloadHeld", FixtureSources.ConstantLongStrategy("Fixture.UnloadHeld", "Entry", 0.5));
        var folder = FixturePluginBuilder.Build(plugin);
        var loaded = PluginAssemblyLoader.Load(FixtureLoadRequests.For(plugin, folder, typeof(IStrategy), shadowRoot));
        var instance = loaded.CreateInstance();

        var context = loaded.Unload();

        Assert.False(UnloadVerifier.WaitForCollection(context, maximumAttempts: 3));
        GC.KeepAlive(instance);
    }

    /// <summary>
    /// Loads, constructs, calls and unloads the plugin in a frame of its own, so no local of the test method
    /// (which the JIT may keep alive to its end) holds the plugin.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private (WeakReference Context, Signal Signal, string? Snapshot) LoadUseAndUnload(FixturePlugin plugin)
    {
        var folder = FixturePluginBuilder.Build(plugin);
        var loaded = PluginAssemblyLoader.Load(FixtureLoadRequests.For(plugin, folder, typeof(IStrategy), shadowRoot));
        var strategy = (IStrategy)loaded.CreateInstance();
        var signal = strategy.OnBar(LoadingTestBars.Sample);
        var snapshot = strategy.GetType().GetProperty("Snapshot")?.GetValue(strategy) as string;
        return (loaded.Unload(), signal, snapshot);
    }

    private static FixturePlugin Strategy(string pluginId, string assemblyName, string source) =>
        new(pluginId, "1.0.0", new FixtureAssembly(assemblyName, source), assemblyName + ".Entry");
}
