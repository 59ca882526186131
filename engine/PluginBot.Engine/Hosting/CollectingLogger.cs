using PluginBot.Sdk.Plugins;

namespace PluginBot.Engine.Hosting;

/// <summary>
/// A plugin logger that keeps entries in memory (bounded) for the results and forwards them to an optional
/// writer. Time comes from the environment clock, so backtest logs are reproducible.
/// </summary>
public sealed class CollectingLogger : IPluginLogger
{
    private readonly IClock clock;
    private readonly string source;
    private readonly List<LogEntry> entries;
    private readonly int capacity;
    private readonly Action<LogEntry>? forward;

    /// <summary>Creates a logger for <paramref name="source"/> appending to <paramref name="entries"/> until it holds <paramref name="capacity"/>.</summary>
    public CollectingLogger(IClock clock, string source, List<LogEntry> entries, int capacity = 10_000, Action<LogEntry>? forward = null)
    {
        this.clock = clock;
        this.source = source;
        this.entries = entries;
        this.capacity = capacity;
        this.forward = forward;
    }

    /// <summary>Entries dropped because the capacity was reached.</summary>
    public int Dropped { get; private set; }

    /// <inheritdoc />
    public void Information(string message) => Add("Information", message);

    /// <inheritdoc />
    public void Warning(string message) => Add("Warning", message);

    /// <inheritdoc />
    public void Error(string message, Exception? exception = null) =>
        Add("Error", exception is null ? message : $"{message}: {exception.GetType().Name}: {exception.Message}");

    private void Add(string level, string message)
    {
        var entry = new LogEntry(clock.UtcNow, source, level, message);
        forward?.Invoke(entry);
        if (entries.Count < capacity)
        {
            entries.Add(entry);
        }
        else
        {
            Dropped++;
        }
    }
}
