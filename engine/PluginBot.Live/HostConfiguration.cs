namespace PluginBot.Live;

/// <summary>What <c>pluginbot run</c> hosts: strategies, where state is kept, the control API and plugin folders.</summary>
public sealed record HostConfiguration
{
    /// <summary>The file the configuration came from (for messages).</summary>
    public required string SourcePath { get; init; }

    /// <summary>The strategies, each on its own engine thread.</summary>
    public required IReadOnlyList<HostStrategyConfiguration> Strategies { get; init; }

    /// <summary>The SQLite file holding orders, fills, positions, decisions, versions and swaps.</summary>
    public required string StorePath { get; init; }

    /// <summary>Loopback port of the control API; 0 picks a free one (reported at start).</summary>
    public int ApiPort { get; init; } = 5317;

    /// <summary>The API's bearer token, or null to take it from PLUGINBOT_API_TOKEN.</summary>
    public string? ApiToken { get; init; }

    /// <summary>Plugin folders watched for new versions besides the built-in one.</summary>
    public IReadOnlyList<string> PluginDirectories { get; init; } = [];

    /// <summary>
    /// The model registry whose production versions the host follows (full path), or null to follow none: when
    /// production of a model changes, every expert serving a version of that model is swapped to the new one.
    /// </summary>
    public string? ModelRegistryPath { get; init; }

    /// <summary>How often plugin folders, script files and the model registry are polled.</summary>
    public TimeSpan WatchInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}
