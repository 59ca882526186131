using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PluginBot.Server.Tests;

/// <summary>Keeps every log message of every category and level, with scopes and exceptions, for the token leak scan.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> entries = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Entries => entries.ToList();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopeText = new List<string>();
            provider.scopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? string.Empty), scopeText);
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(pair => $"{pair.Key}={pair.Value}")) : string.Empty;
            provider.entries.Enqueue($"{logLevel} {category} [{string.Join(" > ", scopeText)}] {formatter(state, exception)} {structured} {exception}");
        }
    }
}
