namespace PluginBot.Server;

/// <summary>
/// Thrown by an <see cref="IEngineControl"/> when the host refuses an operation in its current state, for example
/// promoting without a split or swapping to a plugin version that is not in the plugin folder. The API answers 409 with
/// the message, so write it for the operator.
/// </summary>
public sealed class EngineControlException : Exception
{
    /// <summary>Creates the exception with an operator-facing message.</summary>
    public EngineControlException(string message)
        : base(message)
    {
    }
}
