using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using PluginBot.Indicators;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Hosting.Tests.Fixtures;

/// <summary>
/// Compiles fixture assemblies with Roslyn. The framework references are built once per test run, because Roslyn's
/// first compilation costs more than a second and every later one only tens of milliseconds.
/// </summary>
public static class FixtureCompiler
{
    private const string GlobalUsings = "global using System; global using System.Collections.Generic; global using System.Linq;";

    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(ReadFrameworkReferences);

    private static readonly Lazy<ImmutableArray<MetadataReference>> HostSdkReferences = new(() =>
        [
            MetadataReference.CreateFromFile(typeof(IPlugin).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(IIndicator).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Google.Protobuf.IMessage).Assembly.Location),
        ]);

    /// <summary>Compiles <paramref name="assembly"/> to DLL bytes.</summary>
    /// <exception cref="InvalidOperationException">The source does not compile; the message lists every error.</exception>
    public static byte[] Compile(FixtureAssembly assembly)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        SyntaxTree[] trees =
        [
            CSharpSyntaxTree.ParseText(assembly.Source, parseOptions, path: assembly.AssemblyName + ".cs", encoding: Encoding.UTF8),
            CSharpSyntaxTree.ParseText(GlobalUsings, parseOptions, path: "GlobalUsings.cs", encoding: Encoding.UTF8),
            CSharpSyntaxTree.ParseText(
                $"[assembly: System.Reflection.AssemblyVersion(\"{assembly.AssemblyVersion}\")]",
                parseOptions,
                path: "AssemblyInfo.cs",
                encoding: Encoding.UTF8),
        ];

        var references = FrameworkReferences.Value
            .AddRange(assembly.ReferenceHostSdk ? HostSdkReferences.Value : [])
            .AddRange(assembly.ReferencePaths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)));

        var compilation = CSharpCompilation.Create(
            assembly.AssemblyName,
            trees,
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true));

        using var output = new MemoryStream();

        // An embedded PDB gives stack traces from fixture plugins file names and line numbers.
        var result = compilation.Emit(output, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
        if (!result.Success)
        {
            var errors = result.Diagnostics
                .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
                .Select(diagnostic => diagnostic.ToString());
            throw new InvalidOperationException(
                $"Fixture assembly {assembly.AssemblyName} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }

        return output.ToArray();
    }

    /// <summary>Compiles <paramref name="assembly"/> into <c>{directory}/{AssemblyName}.dll</c>, replacing any file there; returns the path.</summary>
    public static string CompileToFile(FixtureAssembly assembly, string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, assembly.AssemblyName + ".dll");
        File.WriteAllBytes(path, Compile(assembly));
        return path;
    }

    /// <summary>
    /// The framework's own assemblies from the trusted platform list. The list also names the test's dependencies
    /// (among them the real PluginBot.Sdk), which are left out so a fixture sees only what it asks for.
    /// </summary>
    private static ImmutableArray<MetadataReference> ReadFrameworkReferences()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return
        [
            .. trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)),
        ];
    }
}
