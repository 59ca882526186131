using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Portfolio;

namespace PluginBot.Onnx.Tests.Infrastructure;

/// <summary>
/// The narrow context an ONNX-serving plugin (expert or regime detector) sees, with settings from JSON found at
/// <c>settingsPath</c> (relative paths resolved against <c>baseDirectory</c>, as for a composition's folder) and a
/// logger that keeps messages. These plugins read only their settings and the log; the portfolio is empty and no
/// instrument is known. Shared by the ONNX test projects (linked into the regime-onnx tests).
/// </summary>
internal sealed class PluginTestContext(string settingsJson, string settingsPath = "$.experts[0].settings", string? baseDirectory = null) : IPluginContext, IClock, IPortfolioView, IInstrumentCatalog, IPluginLogger
{
    public List<string> Messages { get; } = [];

    public IClock Clock => this;

    public IPortfolioView Portfolio => this;

    public IInstrumentCatalog Instruments => this;

    public IPluginLogger Log => this;

    public PluginSettings Settings { get; } = ParseSettings(settingsJson, settingsPath, baseDirectory);

    public DateTime UtcNow { get; } = new(2022, 12, 13, 0, 0, 0, DateTimeKind.Utc);

    public decimal Cash => 0;

    public decimal Equity => 0;

    public decimal DailyProfitLoss => 0;

    public decimal EquityAtDayStart => 0;

    public decimal FeesPaid => 0;

    public decimal RealizedProfitLoss => 0;

    public decimal GrossExposure => 0;

    public IReadOnlyList<PositionView> OpenPositions => [];

    public static string SettingsFor(string modelDirectory, string extra = "") =>
        $"{{\"modelDirectory\": {JsonSerializer.Serialize(modelDirectory)}{extra}}}";

    public PositionView GetPosition(string symbol) => throw new KeyNotFoundException(symbol);

    public InstrumentRules Get(string symbol) => throw new KeyNotFoundException(symbol);

    public bool TryGet(string symbol, [MaybeNullWhen(false)] out InstrumentRules rules)
    {
        rules = null;
        return false;
    }

    public void Information(string message) => Messages.Add(message);

    public void Warning(string message) => Messages.Add(message);

    public void Error(string message, Exception? exception = null) => Messages.Add(message);

    private static PluginSettings ParseSettings(string json, string settingsPath, string? baseDirectory)
    {
        using var document = JsonDocument.Parse(json);
        return new PluginSettings(document.RootElement.Clone(), settingsPath, baseDirectory);
    }
}
