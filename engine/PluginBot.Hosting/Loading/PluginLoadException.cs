namespace PluginBot.Hosting.Loading;

/// <summary>
/// A plugin could not be loaded or constructed. The message always names the plugin, the file and what was
/// expected, because it is shown to whoever dropped the plugin into the folder, who cannot attach a debugger.
/// </summary>
/// <remarks>
/// When the plugin's own code threw, the original exception (with its stack) is the <see cref="Exception.InnerException"/>.
/// Its type may live in the plugin's load context: keep <see cref="Exception.ToString"/> rather than the exception
/// object itself if the plugin is to be unloaded, or the exception keeps the context alive.
/// </remarks>
public sealed class PluginLoadException : Exception
{
    /// <summary>Creates the exception for one plugin version.</summary>
    public PluginLoadException(string pluginId, string pluginVersion, PluginLoadFailure failure, string message, Exception? innerException = null)
        : base($"Plugin '{pluginId}' {pluginVersion}: {message}", innerException)
    {
        PluginId = pluginId;
        PluginVersion = pluginVersion;
        Failure = failure;
    }

    /// <summary>The manifest id of the plugin that failed, so the host can mark the right slot faulted.</summary>
    public string PluginId { get; }

    /// <summary>The plugin version that failed; an older version of the same plugin may still be running.</summary>
    public string PluginVersion { get; }

    /// <summary>What kind of failure it was, for decisions that should not parse the message.</summary>
    public PluginLoadFailure Failure { get; }
}
