using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.Risk.Tests.Infrastructure;

/// <summary>Keeps what a plugin logs, so a test can see it if it needs to; the risk layers under test do not log.</summary>
internal sealed class RecordingLogger : IPluginLogger
{
    public List<string> Messages { get; } = [];

    public void Information(string message) => Messages.Add(message);

    public void Warning(string message) => Messages.Add(message);

    public void Error(string message, Exception? exception = null) => Messages.Add(message);
}
