using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using PluginBot.Scripting.Instrumentation;
using PluginBot.Scripting.Sandbox;

namespace PluginBot.Scripting;

/// <summary>
/// Compiles one script file (.cs or .csx; both are ordinary C# compilation units) into an in-memory assembly and PDB
/// ready for <see cref="LoadedScript"/>. It checks the sandbox, finds the strategy class and plants the time-budget
/// checks; any problem comes back as diagnostics against the file as the user wrote it.
/// </summary>
/// <remarks>
/// A regular <see cref="CSharpCompilation"/> is used rather than the scripting API because the scripting API's
/// assemblies can never be unloaded, and a hot-reloaded script is replaced many times. The compiler holds no state:
/// metadata references are cached per process (the expensive part), so one instance or many cost the same, and it is
/// safe to use from several threads.
/// </remarks>
public sealed class ScriptCompiler
{
    /// <summary>
    /// The usings every script gets without writing them: the namespaces a strategy needs in nearly every file. The
    /// sandbox judges what a name resolves to, so importing System here gives no access to anything forbidden.
    /// </summary>
    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using PluginBot.Indicators;
        global using PluginBot.Sdk.Market;
        global using PluginBot.Sdk.Orders;
        global using PluginBot.Sdk.Plugins;
        global using PluginBot.Sdk.Signals;
        """;

    private static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Regular);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        allowUnsafe: false,
        deterministic: true,
        nullableContextOptions: NullableContextOptions.Enable);

    private static readonly Lazy<SyntaxTree> GlobalUsingsTree =
        new(() => CSharpSyntaxTree.ParseText(GlobalUsings, ParseOptions, "PluginBot.Scripting.GlobalUsings.cs", Encoding.UTF8));

    // Makes every compile's assembly name unique within the process, even for identical sources: two loaded versions
    // (or the same version loaded twice) must never share an assembly identity.
    private static long compileCount;

    /// <summary>Reads and compiles the script at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read (for example an editor is still writing it); retry later.</exception>
    public ScriptCompilationResult CompileFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        return Compile(File.ReadAllText(fullPath, Encoding.UTF8), fullPath);
    }

    /// <summary>Compiles <paramref name="source"/> as the script at <paramref name="sourcePath"/> (used for diagnostics, the PDB and the assembly name).</summary>
    public ScriptCompilationResult Compile(string source, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(sourcePath);
        var contentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)));
        var assemblyName = CreateAssemblyName(sourcePath, contentHash);

        var tree = CSharpSyntaxTree.ParseText(source, ParseOptions, sourcePath, Encoding.UTF8);
        var compilation = CSharpCompilation.Create(assemblyName, [GlobalUsingsTree.Value, tree], ScriptReferences.Get(), CompilationOptions);
        var model = compilation.GetSemanticModel(tree);

        var diagnostics = compilation.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .Select(diagnostic => ToScriptDiagnostic(diagnostic, sourcePath))
            .ToList();
        var hasCompilerErrors = diagnostics.Any(diagnostic => diagnostic.IsError);
        diagnostics.AddRange(ScriptSandbox.Check(model, sourcePath));

        string? entryTypeName = null;
        if (!hasCompilerErrors)
        {
            entryTypeName = EntryTypeFinder.Find(compilation, sourcePath, diagnostics);
        }

        if (diagnostics.Any(diagnostic => diagnostic.IsError))
        {
            return Result(null, null);
        }

        // Only clean code is instrumented and emitted: every diagnostic above refers to the user's own text.
        var instrumented = tree.WithRootAndOptions(BudgetInstrumenter.Instrument(model), ParseOptions);
        var emitted = Emit(compilation.ReplaceSyntaxTree(tree, instrumented), assemblyName, sourcePath, diagnostics);
        return emitted is { } bytes ? Result(bytes.Assembly, bytes.Pdb) : Result(null, null);

        ScriptCompilationResult Result(byte[]? assemblyBytes, byte[]? pdbBytes) => new(
            sourcePath,
            contentHash,
            assemblyName,
            diagnostics.OrderBy(diagnostic => diagnostic.Line).ThenBy(diagnostic => diagnostic.Column).ToList(),
            assemblyBytes is null ? null : entryTypeName,
            assemblyBytes,
            pdbBytes);
    }

    private static (byte[] Assembly, byte[] Pdb)? Emit(Compilation compilation, string assemblyName, string sourcePath, List<ScriptDiagnostic> diagnostics)
    {
        using var assemblyStream = new MemoryStream();
        using var pdbStream = new MemoryStream();
        var options = new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, pdbFilePath: assemblyName + ".pdb");
        var result = compilation.Emit(assemblyStream, pdbStream, options: options);
        if (!result.Success)
        {
            // Not expected once the original compiled cleanly; if the instrumentation ever produces invalid code, say so
            // plainly instead of loading nothing silently. Lines are still the user's (the instrumentation adds none).
            diagnostics.AddRange(result.Diagnostics
                .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
                .Select(diagnostic => ToScriptDiagnostic(diagnostic, sourcePath) with { Message = "(in budget-instrumented code) " + diagnostic.GetMessage(CultureInfo.InvariantCulture) }));
            return null;
        }

        return (assemblyStream.ToArray(), pdbStream.ToArray());
    }

    private static ScriptDiagnostic ToScriptDiagnostic(Diagnostic diagnostic, string sourcePath)
    {
        var span = diagnostic.Location.GetLineSpan();
        var path = diagnostic.Location.IsInSource ? span.Path : sourcePath;
        var position = diagnostic.Location.IsInSource ? span.StartLinePosition : default;
        var severity = diagnostic.Severity == DiagnosticSeverity.Error ? ScriptDiagnostic.ErrorSeverity : ScriptDiagnostic.WarningSeverity;
        return new ScriptDiagnostic(path, position.Line + 1, position.Character + 1, diagnostic.Id, severity, diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    /// <summary>"script-{file name}-{first 12 hex of the hash}-{process-wide counter}": readable in dumps, unique per compile.</summary>
    private static string CreateAssemblyName(string sourcePath, string contentHash)
    {
        var name = Path.GetFileNameWithoutExtension(sourcePath);
        var safe = new StringBuilder(name.Length);
        foreach (var character in name)
        {
            safe.Append(char.IsAsciiLetterOrDigit(character) || character is '_' or '-' or '.' ? character : '_');
        }

        var count = Interlocked.Increment(ref compileCount);
        return string.Create(CultureInfo.InvariantCulture, $"script-{safe}-{contentHash[..12]}-{count}");
    }
}
