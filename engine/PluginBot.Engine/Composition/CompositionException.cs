namespace PluginBot.Engine.Composition;

/// <summary>A strategy composition file is malformed. The message names the file, the JSON path (and line when known) and what was expected.</summary>
public sealed class CompositionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CompositionException(string filePath, string jsonPath, string problem, Exception? inner = null)
        : base($"{filePath}: {jsonPath}: {problem}", inner)
    {
        FilePath = filePath;
        JsonPath = jsonPath;
        Problem = problem;
    }

    /// <summary>The composition file.</summary>
    public string FilePath { get; }

    /// <summary>Where in the file, for example "$.strategy.settings.fastPeriod".</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong and what was expected.</summary>
    public string Problem { get; }
}
