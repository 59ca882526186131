using PluginBot.Engine.Accounting;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Clock;
using PluginBot.Engine.Hosting;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Hosting.Tests.Fixtures;

/// <summary>
/// A real engine plugin context whose log lines the test can read, because fixture plugins report what they see
/// (for example which dependency version answered) through the logger an actual plugin would use.
/// </summary>
public sealed class FixturePluginContext
{
    private readonly List<LogEntry> entries = [];

    /// <summary>Creates a context over a simulated clock, an empty portfolio and an empty instrument catalog.</summary>
    public FixturePluginContext(string pluginId)
    {
        var clock = new SimulatedClock();
        Context = new PluginContext(clock, new Portfolio(1_000m), new InstrumentCatalog([]), new CollectingLogger(clock, pluginId, entries), PluginSettings.Empty);
    }

    /// <summary>The context to pass to <see cref="IPlugin.Initialize"/>.</summary>
    public IPluginContext Context { get; }

    /// <summary>The messages logged so far, in order.</summary>
    public IReadOnlyList<string> Messages => entries.Select(entry => entry.Message).ToList();
}
