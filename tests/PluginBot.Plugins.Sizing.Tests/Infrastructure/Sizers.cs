using System.Text.Json;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Clock;
using PluginBot.Engine.Hosting;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Plugins.Sizing.Tests.Infrastructure;

/// <summary>Builds initialised sizers over a <see cref="FakePortfolio"/> and sizing requests with Binance-like rules.</summary>
internal static class Sizers
{
    public const string Symbol = "BTCUSDT";

    public const string SettingsPath = "sizer.settings";

    /// <summary>Binance's BTCUSDT spot rules: 0.01 tick, 0.00001 lot and minimum quantity, 5 USDT minimum notional.</summary>
    public static readonly InstrumentRules Bitcoin = new(Symbol, "USDT", 0.01m, 0.00001m, 0.00001m, 5m);

    public static T Initialize<T>(T sizer, FakePortfolio portfolio, string settingsJson = "{}")
        where T : IPositionSizer
    {
        sizer.Initialize(Context(portfolio, settingsJson));
        return sizer;
    }

    public static PluginContext Context(FakePortfolio portfolio, string settingsJson)
    {
        var clock = new SimulatedClock();
        return new PluginContext(clock, portfolio, new InstrumentCatalog([Bitcoin]), new CollectingLogger(clock, "sizer", []), Settings(settingsJson));
    }

    public static PluginSettings Settings(string settingsJson)
    {
        using var document = JsonDocument.Parse(settingsJson);
        return new PluginSettings(document.RootElement, SettingsPath);
    }

    public static SizingRequest Long(decimal price, double confidence = 1, InstrumentRules? rules = null) =>
        new(rules?.Symbol ?? Symbol, Signal.Long(confidence), price, rules ?? Bitcoin);
}
