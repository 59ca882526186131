namespace PluginBot.Scripting.Runtime;

/// <summary>
/// Thrown inside script code when it exceeds its per-event time budget or recurses too deep. A distinct type so the
/// engine can count budget failures apart from the script's own exceptions and fault a script that keeps exceeding it.
/// </summary>
public sealed class ScriptBudgetExceededException : Exception
{
    /// <summary>Creates the exception with a message saying which limit was hit.</summary>
    public ScriptBudgetExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the default message.</summary>
    public ScriptBudgetExceededException()
        : base("The script exceeded its time budget for one event.")
    {
    }

    /// <summary>Creates the exception wrapping another one.</summary>
    public ScriptBudgetExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
