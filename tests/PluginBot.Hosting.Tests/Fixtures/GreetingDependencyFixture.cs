using System.Reflection;
using System.Runtime.Loader;

namespace PluginBot.Hosting.Tests.Fixtures;

/// <summary>
/// A private dependency that exists in two versions: "Fixture.Greeting" 1.0.0.0 (greets "v1") loaded into the
/// host's default context, and 2.0.0.0 (greets "v2") shipped inside a plugin folder. A plugin that reports "v2"
/// while the host reports "v1" proves private dependencies are isolated from the host's.
/// </summary>
public static class GreetingDependencyFixture
{
    /// <summary>The dependency's assembly name (shared by both versions, as in real version conflicts).</summary>
    public const string AssemblyName = "Fixture.Greeting";

    // The default context can hold one Fixture.Greeting only, and never unloads it: load it once per test process.
    private static readonly Lazy<Assembly> HostCopy = new(LoadHostCopy);

    /// <summary>The host's copy (1.0.0.0), loaded into the default context on first use.</summary>
    public static Assembly HostAssembly => HostCopy.Value;

    /// <summary>Calls the host copy's greeter.</summary>
    public static string GreetFromHost() =>
        (string)HostAssembly.GetType("Fixture.Greeting.Greeter", throwOnError: true)!.GetMethod("Greet")!.Invoke(null, null)!;

    /// <summary>Compiles the dependency at <paramref name="version"/>, greeting with <paramref name="greeting"/>.</summary>
    public static byte[] CompileGreeting(Version version, string greeting) =>
        FixtureCompiler.Compile(new FixtureAssembly(AssemblyName, GreeterSource(greeting)) { AssemblyVersion = version });

    /// <summary>
    /// A strategy plugin whose entry type <c>Fixture.Greeter.Plugin.GreetingStrategy</c> logs the greeting of the
    /// Fixture.Greeting it finds at run time when initialised, and exposes it as its Greeting property.
    /// </summary>
    /// <param name="pluginId">The manifest id.</param>
    /// <param name="dependencyRelativePath">Where the 2.0.0.0 dependency goes inside the plugin folder.</param>
    public static FixturePlugin CreatePlugin(string pluginId, string dependencyRelativePath = AssemblyName + ".dll")
    {
        var dependencyBytes = CompileGreeting(new Version(2, 0, 0, 0), "v2");
        var referenceDirectory = FixtureDirectories.Create("greeting-reference");
        var referencePath = Path.Combine(referenceDirectory, AssemblyName + ".dll");
        File.WriteAllBytes(referencePath, dependencyBytes);

        const string pluginSource = """
            using PluginBot.Sdk.Market;
            using PluginBot.Sdk.Plugins;
            using PluginBot.Sdk.Signals;

            namespace Fixture.Greeter.Plugin;

            public sealed class GreetingStrategy : IStrategy
            {
                public string Greeting => Fixture.Greeting.Greeter.Greet();

                public void Initialize(IPluginContext context) => context.Log.Information(Greeting);

                public Signal OnBar(in Bar bar) => Signal.Hold;
            }
            """;
        return new FixturePlugin(
            pluginId,
            "1.0.0",
            new FixtureAssembly("Fixture.Greeter.Plugin", pluginSource) { ReferencePaths = [referencePath] },
            "Fixture.Greeter.Plugin.GreetingStrategy")
        {
            ExtraFiles = new Dictionary<string, byte[]> { [dependencyRelativePath] = dependencyBytes },
        };
    }

    private static string GreeterSource(string greeting) => $$"""
        namespace Fixture.Greeting;

        public static class Greeter
        {
            public static string Greet() => "{{greeting}}";
        }
        """;

    private static Assembly LoadHostCopy()
    {
        var directory = FixtureDirectories.Create("greeting-host");
        var path = Path.Combine(directory, AssemblyName + ".dll");
        File.WriteAllBytes(path, CompileGreeting(new Version(1, 0, 0, 0), "v1"));
        return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }
}
