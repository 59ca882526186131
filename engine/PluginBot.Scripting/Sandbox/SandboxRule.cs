namespace PluginBot.Scripting.Sandbox;

/// <summary>
/// Why something is forbidden in scripts: the diagnostic id of its area and the reason shown to the user. Kept
/// together so every violation of one area reads the same and points at the same documentation.
/// </summary>
/// <param name="Id">The PBS diagnostic id (see <see cref="ScriptDiagnosticIds"/>).</param>
/// <param name="Reason">The reason, completing "'X' is not allowed in scripts: …"; null for the generic allow-list message.</param>
internal sealed record SandboxRule(string Id, string? Reason)
{
    /// <summary>The user-facing message for <paramref name="symbolName"/>, which is named fully qualified so it can be searched for.</summary>
    public string FormatMessage(string symbolName) => Reason is null
        ? $"'{symbolName}' is not on the scripts allow-list: scripts may use the SDK, the indicators, basic System value types, Math, collections, LINQ and spans"
        : $"'{symbolName}' is not allowed in scripts: {Reason}";
}
