namespace PluginBot.Data;

/// <summary>
/// A market data or instrument file that cannot be used as it is. The message has the compiler-like shape
/// <c>path:line: problem</c> so editors and terminals can jump to the offending line.
/// </summary>
public sealed class MarketDataFormatException : FormatException
{
    /// <summary>Creates the exception for a problem on one line of a file.</summary>
    /// <param name="filePath">The path as the caller gave it.</param>
    /// <param name="lineNumber">The 1-based line number, or 0 when the problem concerns the whole file.</param>
    /// <param name="problem">What is wrong, naming the column and value where there is one.</param>
    public MarketDataFormatException(string filePath, int lineNumber, string problem)
        : base(lineNumber > 0 ? $"{filePath}:{lineNumber}: {problem}" : $"{filePath}: {problem}")
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>The file the problem is in, as the caller named it.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line of the problem; 0 when the whole file is at fault (empty, header only).</summary>
    public int LineNumber { get; }

    /// <summary>The problem without the location, for callers that format their own message.</summary>
    public string Problem { get; }
}
