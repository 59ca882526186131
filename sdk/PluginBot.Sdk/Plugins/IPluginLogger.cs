namespace PluginBot.Sdk.Plugins;

/// <summary>A logger scoped to one plugin; the engine adds the plugin id and the clock's time.</summary>
public interface IPluginLogger
{
    /// <summary>Something a user may want to see.</summary>
    void Information(string message);

    /// <summary>Something unexpected that the plugin handled.</summary>
    void Warning(string message);

    /// <summary>Something that failed.</summary>
    void Error(string message, Exception? exception = null);
}
