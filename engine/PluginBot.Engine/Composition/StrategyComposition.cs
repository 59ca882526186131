namespace PluginBot.Engine.Composition;

/// <summary>
/// A strategy assembled from plugins in a JSON file under strategies/: which strategy, sizer and risk layers,
/// how execution behaves, and backtest defaults.
/// </summary>
public sealed record StrategyComposition
{
    /// <summary>The composition's name; prefixes its client order ids.</summary>
    public required string Name { get; init; }

    /// <summary>Where it was read from.</summary>
    public required string SourcePath { get; init; }

    /// <summary>Free text for people.</summary>
    public string? Description { get; init; }

    /// <summary>The strategy plugin.</summary>
    public required PluginReference Strategy { get; init; }

    /// <summary>
    /// The mixture of experts that decides instead of a strategy plugin, when the composition has <c>experts</c>;
    /// <see cref="Strategy"/> is then a placeholder reference named <see cref="StrategyCompositionLoader.CommitteeStrategyId"/>.
    /// </summary>
    public CommitteeComposition? Committee { get; init; }

    /// <summary>A candidate expert set compared live with <see cref="Committee"/> (A/B split or shadow), if any.</summary>
    public ExpertSetExperiment? Experiment { get; init; }

    /// <summary>The position sizer plugin.</summary>
    public required PluginReference Sizer { get; init; }

    /// <summary>Risk layers, applied in order.</summary>
    public IReadOnlyList<PluginReference> RiskLayers { get; init; } = [];

    /// <summary>True when the strategy may hold short positions.</summary>
    public bool AllowShort { get; init; }

    /// <summary>Largest gross exposure as a multiple of equity.</summary>
    public decimal MaximumLeverage { get; init; } = 1m;

    /// <summary>Defaults for backtests.</summary>
    public BacktestDefaults Backtest { get; init; } = new();

    /// <summary>How open positions are managed (stops, targets, scale-ins, time exits); manages nothing by default.</summary>
    public PluginBot.Engine.Exits.ExitPolicy Exits { get; init; } = PluginBot.Engine.Exits.ExitPolicy.None;
}
