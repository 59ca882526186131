namespace PluginBot.Persistence;

/// <summary>
/// The trading store file cannot be used: it is not an SQLite database, belongs to another application, was written by
/// a newer PluginBot, is damaged or is held by another process. The message names the file and what was expected, so an
/// operator can act without reading code; the file itself is never modified when this is thrown at open.
/// </summary>
public sealed class TradingStoreException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public TradingStoreException(string path, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
    }

    /// <summary>The store file the problem is about.</summary>
    public string Path { get; }
}
