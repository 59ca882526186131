using System.Text.Json;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Hosting;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.Risk.Tests.Infrastructure;

/// <summary>Builds the engine's real plugin context over a fake portfolio and a manual clock, and intents to assess.</summary>
internal static class RiskContext
{
    public const string SettingsPath = "$.risk[0].settings";
    public const string Symbol = "BTCUSDT";
    public const string OtherSymbol = "ETHUSDT";

    /// <summary>Instruments: two spot symbols and one futures contract worth 10 quote units per unit of price.</summary>
    public static InstrumentCatalog Instruments { get; } = new([
        new InstrumentRules(Symbol, "USDT", 0.01m, 0.001m, 0.001m, 5m),
        new InstrumentRules(OtherSymbol, "USDT", 0.01m, 0.001m, 0.001m, 5m),
        new InstrumentRules("FUTURE", "USDT", 0.01m, 1m, 1m, 0m, contractMultiplier: 10m),
    ]);

    public static PluginContext Create(FakePortfolio portfolio, string settingsJson = "{}", ManualClock? clock = null) =>
        new(clock ?? new ManualClock(), portfolio, Instruments, new RecordingLogger(), Settings(settingsJson));

    public static PluginSettings Settings(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new PluginSettings(document.RootElement, SettingsPath);
    }

    /// <summary>Creates <typeparamref name="T"/> and initialises it, as the engine does before the first event.</summary>
    public static T Initialized<T>(FakePortfolio portfolio, string settingsJson = "{}", ManualClock? clock = null)
        where T : IRiskManager, new()
    {
        var layer = new T();
        layer.Initialize(Create(portfolio, settingsJson, clock));
        return layer;
    }

    public static OrderIntent Buy(decimal quantity, decimal price, decimal currentPosition = 0m, string symbol = Symbol) =>
        new(symbol, OrderSide.Buy, quantity, price, currentPosition);

    public static OrderIntent Sell(decimal quantity, decimal price, decimal currentPosition = 0m, string symbol = Symbol) =>
        new(symbol, OrderSide.Sell, quantity, price, currentPosition);

    /// <summary>A one-hour bar closing at <paramref name="endTime"/>.</summary>
    public static Bar HourBarEndingAt(DateTime endTime, decimal price = 100m) =>
        new(Symbol, BarInterval.OneHour, endTime - BarInterval.OneHour.Duration, price, price, price, price, 1m);
}
