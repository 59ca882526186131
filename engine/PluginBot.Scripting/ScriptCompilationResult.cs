namespace PluginBot.Scripting;

/// <summary>
/// The outcome of compiling one script: either an in-memory assembly ready for <see cref="LoadedScript"/>, or
/// the diagnostics explaining why not. Both kinds of problem (compiler errors and sandbox violations) come in one list
/// sorted by position, so a user fixes them top to bottom in one pass.
/// </summary>
public sealed class ScriptCompilationResult
{
    internal ScriptCompilationResult(
        string sourcePath,
        string contentHash,
        string assemblyName,
        IReadOnlyList<ScriptDiagnostic> diagnostics,
        string? entryTypeName,
        byte[]? assemblyBytes,
        byte[]? pdbBytes)
    {
        SourcePath = sourcePath;
        ContentHash = contentHash;
        AssemblyName = assemblyName;
        Diagnostics = diagnostics;
        EntryTypeName = entryTypeName;
        AssemblyBytes = assemblyBytes;
        PdbBytes = pdbBytes;
    }

    /// <summary>The script's path, as given to the compiler; it also names the document in the PDB, so stack traces point at it.</summary>
    public string SourcePath { get; }

    /// <summary>
    /// SHA-256 of the source text (UTF-8), lower-case hex. Identifies the version: saving a file without changing it
    /// gives the same hash, so a host can skip the swap.
    /// </summary>
    public string ContentHash { get; }

    /// <summary>The first 12 hex digits of <see cref="ContentHash"/>: short enough for logs, long enough to tell versions apart.</summary>
    public string Version => ContentHash[..12];

    /// <summary>The unique name the assembly was (or would have been) emitted under; unique per compile, so two versions never collide.</summary>
    public string AssemblyName { get; }

    /// <summary>True when the script compiled, passed the sandbox and has exactly one entry type.</summary>
    public bool Success => AssemblyBytes is not null;

    /// <summary>Errors, sandbox violations and warnings, sorted by line and column.</summary>
    public IReadOnlyList<ScriptDiagnostic> Diagnostics { get; }

    /// <summary>The errors among <see cref="Diagnostics"/>.</summary>
    public IEnumerable<ScriptDiagnostic> Errors => Diagnostics.Where(diagnostic => diagnostic.IsError);

    /// <summary>
    /// The full metadata name of the script's strategy: the one public, non-abstract class implementing
    /// <see cref="PluginBot.Sdk.Plugins.IStrategy"/> with a public parameterless constructor. Null when there is none or several.
    /// </summary>
    public string? EntryTypeName { get; }

    /// <summary>The emitted assembly (null when the compilation failed). Loaded from bytes, never from a file, so a reload never runs stale code.</summary>
    public byte[]? AssemblyBytes { get; }

    /// <summary>The portable PDB matching <see cref="AssemblyBytes"/>: it gives run-time stack traces the script's file and line numbers.</summary>
    public byte[]? PdbBytes { get; }

    /// <summary>Every diagnostic in the one-line compiler form, one per line, as a CLI prints them.</summary>
    public string FormatDiagnostics() => string.Join(Environment.NewLine, Diagnostics);
}
