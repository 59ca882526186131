using PluginBot.Data;
using PluginBot.Engine.Backtest;

namespace PluginBot.Cli.Commands;

/// <summary>The parsed options of <c>pluginbot backtest</c>.</summary>
internal sealed record BacktestArguments(
    IReadOnlyList<string> DataFiles,
    string? StrategyPath,
    DateTime? From,
    DateTime? To,
    decimal? Cash,
    decimal? FeeBasisPoints,
    decimal? SlippageBasisPoints,
    bool VolumeShareSlippage,
    TimeSpan Latency,
    string? Interval,
    string OutputDirectory,
    BadRowPolicy OnBadRow,
    Annualization Annualization,
    IReadOnlyList<string> PluginDirectories);
