namespace PluginBot.Hosting.Tests.Fixtures;

/// <summary>
/// A stand-in for a future major version of the SDK: an assembly named PluginBot.Sdk, version 2.0.0.0, with a
/// minimal IStrategy-like contract, and plugins compiled against it. The host runs SDK 1.x, so such a plugin must
/// be refused with both versions named, never half-loaded.
/// </summary>
public static class FutureSdkFixture
{
    /// <summary>The future SDK's assembly version.</summary>
    public static readonly Version SdkVersion = new(2, 0, 0, 0);

    private const string SdkSource = """
        namespace PluginBot.Sdk.Plugins;

        public interface IPlugin
        {
            void Start();
        }

        public interface IStrategy : IPlugin
        {
            double Decide(double price);
        }
        """;

    /// <summary>Compiles the fake PluginBot.Sdk 2.0.0.0 into <c>{directory}/PluginBot.Sdk.dll</c>; returns the path.</summary>
    public static string CompileSdk(string directory) =>
        FixtureCompiler.CompileToFile(
            new FixtureAssembly("PluginBot.Sdk", SdkSource) { AssemblyVersion = SdkVersion, ReferenceHostSdk = false },
            directory);

    /// <summary>
    /// A plugin "{pluginId}" whose entry type <c>Future.Plugin.FutureStrategy</c> implements the future SDK's
    /// IStrategy, with sdkVersion "^2.0" in its manifest.
    /// </summary>
    /// <param name="pluginId">The manifest id.</param>
    /// <param name="shipSdkCopy">
    /// Whether the folder also carries the future PluginBot.Sdk.dll, as a normal build's output would unless the
    /// SDK reference is marked private=false. The host must ignore that copy either way.
    /// </param>
    public static FixturePlugin CreatePlugin(string pluginId, bool shipSdkCopy)
    {
        var sdkPath = CompileSdk(FixtureDirectories.Create("future-sdk"));
        const string pluginSource = """
            using PluginBot.Sdk.Plugins;

            namespace Future.Plugin;

            public sealed class FutureStrategy : IStrategy
            {
                public void Start()
                {
                }

                public double Decide(double price) => price > 100 ? 1 : -1;
            }
            """;
        var extraFiles = shipSdkCopy
            ? new Dictionary<string, byte[]> { ["PluginBot.Sdk.dll"] = File.ReadAllBytes(sdkPath) }
            : new Dictionary<string, byte[]>();
        return new FixturePlugin(
            pluginId,
            "1.0.0",
            new FixtureAssembly("Future.Plugin", pluginSource) { ReferenceHostSdk = false, ReferencePaths = [sdkPath] },
            "Future.Plugin.FutureStrategy")
        {
            SdkVersionRange = "^2.0",
            ExtraFiles = extraFiles,
        };
    }
}
