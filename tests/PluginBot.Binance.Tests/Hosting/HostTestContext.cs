using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Portfolio;

namespace PluginBot.Binance.Tests.Hosting;

/// <summary>
/// The narrow context a host hands the adapter: its settings (pointing at the fake server) and a logger; an account
/// with cash and no positions, no instruments (the adapter loads its own from the exchange) and a fixed clock.
/// </summary>
internal sealed class HostTestContext(string settingsJson, IPluginLogger log) : IPluginContext, IClock, IPortfolioView, IInstrumentCatalog
{
    private static readonly DateTime Now = new(2024, 3, 5, 12, 0, 0, DateTimeKind.Utc);

    public IClock Clock => this;

    public IPortfolioView Portfolio => this;

    public IInstrumentCatalog Instruments => this;

    public IPluginLogger Log => log;

    public PluginSettings Settings { get; } = new(JsonDocument.Parse(settingsJson).RootElement.Clone(), "plugins.exchange-binance.settings");

    DateTime IClock.UtcNow => Now;

    public decimal Cash => 1_000m;

    public decimal Equity => 1_000m;

    public decimal DailyProfitLoss => 0m;

    public decimal EquityAtDayStart => 1_000m;

    public decimal FeesPaid => 0m;

    public decimal RealizedProfitLoss => 0m;

    public decimal GrossExposure => 0m;

    public IReadOnlyList<PositionView> OpenPositions => [];

    public PositionView GetPosition(string symbol) => new(symbol, 0m, 0m, 0m, 0m);

    public InstrumentRules Get(string symbol) => throw new KeyNotFoundException($"no instrument {symbol} in the host test catalog");

    public bool TryGet(string symbol, [MaybeNullWhen(false)] out InstrumentRules rules)
    {
        rules = null;
        return false;
    }
}
