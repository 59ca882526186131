using PluginBot.Hosting.Loading;
using PluginBot.Hosting.Tests.Fixtures;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Hosting.Tests.Loading;

public sealed class NativeLibraryLoadingTests
{
    private readonly string shadowRoot = FixtureDirectories.Create("shadow");

    [Fact]
    public void Load_PluginWithANativeLibraryBesideIt_ResolvesItsDllImportFromThePluginFolder()
    {
        // The runtime's own System.Native library, shipped under a name nothing else can resolve: the P/Invoke can
        // only bind if the plugin context finds the file in the plugin's (shadow) folder.
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var nativeFileName = OperatingSystem.IsMacOS() ? "libSystem.Native.dylib" : "libSystem.Native.so";
        var pluginFileName = OperatingSystem.IsMacOS() ? "libfixturenative.dylib" : "libfixturenative.so";
        const string source = """
            using System.Runtime.InteropServices;
            using PluginBot.Sdk.Market;
            using PluginBot.Sdk.Plugins;
            using PluginBot.Sdk.Signals;

            namespace Fixture.Native;

            public sealed class Entry : IStrategy
            {
                public int NativeProcessId => GetProcessId();

                public void Initialize(IPluginContext context)
                {
                }

                public Signal OnBar(in Bar bar) => Signal.Hold;

                [DllImport("fixturenative", EntryPoint = "SystemNative_GetPid")]
                private static extern int GetProcessId();
            }
            """;
        var plugin = new FixturePlugin("native-library", "1.0.0", new FixtureAssembly("Fixture.Native", source), "Fixture.Native.Entry")
        {
            ExtraFiles = new Dictionary<string, byte[]> { [pluginFileName] = File.ReadAllBytes(Path.Combine(frameworkDirectory, nativeFileName)) },
        };
        var folder = FixturePluginBuilder.Build(plugin);

        using var loaded = PluginAssemblyLoader.Load(FixtureLoadRequests.For(plugin, folder, typeof(IStrategy), shadowRoot));
        var instance = loaded.CreateInstance();
        var processId = (int)loaded.EntryType.GetProperty("NativeProcessId")!.GetValue(instance)!;

        Assert.Equal(Environment.ProcessId, processId);
    }
}
