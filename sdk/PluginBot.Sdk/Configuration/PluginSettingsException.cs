namespace PluginBot.Sdk.Configuration;

/// <summary>A plugin setting is missing or has the wrong type or range. The message names the setting's path.</summary>
public sealed class PluginSettingsException : Exception
{
    /// <summary>Creates the exception for the setting at <paramref name="path"/>.</summary>
    public PluginSettingsException(string path, string problem)
        : base($"{path}: {problem}")
    {
        Path = path;
    }

    /// <summary>Where the bad setting is, for example "strategy.settings.fastPeriod".</summary>
    public string Path { get; }
}
