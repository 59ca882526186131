using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Portfolio;

namespace PluginBot.Plugins.Experts.Tests.Infrastructure;

/// <summary>
/// A plugin context holding only settings: the detector and experts read nothing else, and a context that would
/// throw on anything else proves it.
/// </summary>
internal sealed class TestContext(PluginSettings settings) : IPluginContext
{
    public const string SettingsPath = "$.experts[0].settings";

    public IClock Clock => throw new InvalidOperationException("The plugin under test must not read the clock.");

    public IPortfolioView Portfolio => throw new InvalidOperationException("The plugin under test must not read the portfolio.");

    public IInstrumentCatalog Instruments => NoInstruments.Instance;

    public IPluginLogger Log => NoLogger.Instance;

    public PluginSettings Settings { get; } = settings;

    public static TestContext With(string settingsJson = "{}")
    {
        using var document = JsonDocument.Parse(settingsJson);
        return new TestContext(new PluginSettings(document.RootElement, SettingsPath));
    }

    /// <summary>Creates <typeparamref name="T"/> and initialises it, as the engine does before the first event.</summary>
    public static T Initialized<T>(string settingsJson = "{}")
        where T : IPlugin, new()
    {
        var plugin = new T();
        plugin.Initialize(With(settingsJson));
        return plugin;
    }

    private sealed class NoInstruments : IInstrumentCatalog
    {
        public static NoInstruments Instance { get; } = new();

        public InstrumentRules Get(string symbol) => throw new KeyNotFoundException(symbol);

        public bool TryGet(string symbol, [MaybeNullWhen(false)] out InstrumentRules rules)
        {
            rules = null;
            return false;
        }
    }

    private sealed class NoLogger : IPluginLogger
    {
        public static NoLogger Instance { get; } = new();

        public void Information(string message)
        {
        }

        public void Warning(string message)
        {
        }

        public void Error(string message, Exception? exception = null)
        {
        }
    }
}
