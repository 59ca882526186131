using PluginBot.Scripting;

namespace PluginBot.Engine.Scripting;

/// <summary>A script did not compile or broke the sandbox. The message lists every diagnostic as file:line:column: id message.</summary>
public sealed class ScriptCompilationException : Exception
{
    /// <summary>Creates the exception from a failed compilation.</summary>
    public ScriptCompilationException(ScriptCompilationResult compilation)
        : base($"{compilation.SourcePath} does not compile:{Environment.NewLine}{compilation.FormatDiagnostics()}")
    {
        Diagnostics = compilation.Diagnostics;
    }

    /// <summary>Every diagnostic, in source order.</summary>
    public IReadOnlyList<ScriptDiagnostic> Diagnostics { get; }
}
