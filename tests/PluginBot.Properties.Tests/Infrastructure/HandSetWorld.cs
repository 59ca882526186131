using System.Text.Json;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Portfolio;

namespace PluginBot.Properties.Tests.Infrastructure;

/// <summary>
/// Everything a risk layer or sizer sees, set by hand from a generated event sequence: the clock, the account (cash,
/// equity, positions marked at the last closes) and the execution quality. For properties that drive one plugin
/// through thousands of event sequences directly, without a backtest session around it, so the oracle can compute
/// exactly what the plugin was shown.
/// </summary>
internal sealed class HandSetWorld : IPluginContext, IClock, IPortfolioView, IExecutionQualityView, IInstrumentCatalog
{
    private readonly Dictionary<string, PositionView> positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InstrumentRules> rules = new(StringComparer.Ordinal);

    public HandSetWorld(string settingsJson, params InstrumentRules[] instruments)
    {
        using var document = JsonDocument.Parse(settingsJson);
        Settings = new PluginSettings(document.RootElement, "$.settings");
        foreach (var instrument in instruments)
        {
            rules[instrument.Symbol] = instrument;
        }
    }

    // IPluginContext
    public IClock Clock => this;

    public IPortfolioView Portfolio => this;

    public IInstrumentCatalog Instruments => this;

    public IPluginLogger Log { get; } = new SilentLogger();

    public PluginSettings Settings { get; }

    public IExecutionQualityView ExecutionQuality => this;

    // IClock
    public DateTime UtcNow { get; set; } = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    // IPortfolioView
    public decimal Cash { get; set; }

    public decimal Equity { get; set; }

    public decimal DailyProfitLoss => 0m;

    public decimal EquityAtDayStart => Equity;

    public decimal FeesPaid => 0m;

    public decimal RealizedProfitLoss => 0m;

    public decimal GrossExposure => positions.Values.Sum(position => Math.Abs(position.MarketValue));

    public IReadOnlyList<PositionView> OpenPositions => positions.Values.Where(position => !position.IsFlat).ToArray();

    // IExecutionQualityView
    public int FillCount { get; set; }

    public double AverageSlippageBasisPoints { get; set; }

    public TimeSpan LastFillLatency { get; set; }

    public TimeSpan MedianFillLatency { get; set; }

    public double RecentHitRate { get; set; } = 0.5;

    public int ConsecutiveLosses { get; set; }

    public double MarketImpactBasisPoints { get; set; }

    public PositionView GetPosition(string symbol) =>
        positions.TryGetValue(symbol, out var position) ? position : new PositionView(symbol, 0m, 0m, 0m, 0m);

    /// <summary>Sets a position, marked at <paramref name="price"/>.</summary>
    public void SetPosition(string symbol, decimal quantity, decimal price) => positions[symbol] = new PositionView(symbol, quantity, price, price, 0m);

    /// <summary>Marks the position in <paramref name="symbol"/> (if any) at a new price.</summary>
    public void Mark(string symbol, decimal price)
    {
        if (positions.TryGetValue(symbol, out var position))
        {
            positions[symbol] = position with { MarketPrice = price };
        }
    }

    public InstrumentRules Get(string symbol) => rules[symbol];

    public bool TryGet(string symbol, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out InstrumentRules found) => rules.TryGetValue(symbol, out found);

    private sealed class SilentLogger : IPluginLogger
    {
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
