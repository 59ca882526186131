namespace PluginBot.Models.Registry;

/// <summary>
/// A registry request that cannot be honoured: an unknown version, an illegal stage change, a tampered model.
/// The message always names the symbol, kind and version and says what was expected, because the reader is an
/// operator at a terminal deciding what to do next.
/// </summary>
public sealed class ModelRegistryException : Exception
{
    /// <summary>Creates the exception with an operator-readable message.</summary>
    public ModelRegistryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping the failure that caused it.</summary>
    public ModelRegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
