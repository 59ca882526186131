namespace PluginBot.Data;

/// <summary>A row dropped under <see cref="BadRowPolicy.Skip"/>, kept so a user can see what was thrown away and fix the source.</summary>
/// <param name="LineNumber">The 1-based line number in the file.</param>
/// <param name="Problem">What was wrong, in the same words the failing policy would have used.</param>
public readonly record struct SkippedRow(int LineNumber, string Problem)
{
    /// <summary>"line 17: high 101.5 is below low 102.0", for logs.</summary>
    public override string ToString() => $"line {LineNumber}: {Problem}";
}
