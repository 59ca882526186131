namespace PluginBot.Scripting;

/// <summary>
/// One problem found in a script: a C# compiler error or warning, or a sandbox violation. Positions are 1-based and
/// refer to the file as the user wrote it (never to the instrumented code the compiler emits), so editors and the
/// <c>scripts check</c> command can jump straight to the line.
/// </summary>
/// <param name="FilePath">The script's path as given to the compiler.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Id">The C# compiler id (for example CS0103) or a sandbox id (PBS…, see <see cref="ScriptDiagnosticIds"/>).</param>
/// <param name="Severity">"error" or "warning"; only errors make a compilation fail.</param>
/// <param name="Message">What is wrong; sandbox messages name the forbidden symbol fully qualified and say why it is forbidden.</param>
public sealed record ScriptDiagnostic(string FilePath, int Line, int Column, string Id, string Severity, string Message)
{
    /// <summary>The severity of diagnostics that make a compilation fail.</summary>
    public const string ErrorSeverity = "error";

    /// <summary>The severity of diagnostics that are reported but do not stop the script from running.</summary>
    public const string WarningSeverity = "warning";

    /// <summary>True when this diagnostic makes the compilation fail.</summary>
    public bool IsError => Severity == ErrorSeverity;

    /// <summary>The compiler's familiar one-line form, "file:line:column: severity id: message", which editors parse.</summary>
    public override string ToString() => $"{FilePath}:{Line}:{Column}: {Severity} {Id}: {Message}";
}
