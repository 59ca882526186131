using PluginBot.Sdk.Plugins;

namespace PluginBot.Binance.Tests;

/// <summary>Keeps every line (and exception text) logged, so tests can scan them for leaked secrets.</summary>
internal sealed class RecordingLogger : IPluginLogger
{
    private readonly List<string> lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return lines.ToArray();
            }
        }
    }

    public void Information(string message) => Add($"info: {message}");

    public void Warning(string message) => Add($"warn: {message}");

    public void Error(string message, Exception? exception = null) => Add($"error: {message} {exception}");

    private void Add(string line)
    {
        lock (lines)
        {
            lines.Add(line);
        }
    }
}
