namespace PluginBot.Server;

/// <summary>The control API cannot start as configured (no token, a token too short, an unusable address); the message says what to set.</summary>
public sealed class ControlApiConfigurationException : Exception
{
    /// <summary>Creates the exception with an operator-facing message.</summary>
    public ControlApiConfigurationException(string message)
        : base(message)
    {
    }
}
