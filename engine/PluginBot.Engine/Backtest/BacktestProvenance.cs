namespace PluginBot.Engine.Backtest;

/// <summary>Where a backtest's inputs came from, written into results.json so a result can be reproduced.</summary>
/// <param name="StrategyFile">The composition file as given.</param>
/// <param name="StrategySha256">SHA-256 of the composition file (covers every plugin setting).</param>
/// <param name="DataFiles">Every data file read.</param>
/// <param name="From">The window's start, if cut.</param>
/// <param name="To">The window's end, if cut.</param>
/// <param name="OnBadRow">What was done with bad rows.</param>
public sealed record BacktestProvenance(
    string StrategyFile,
    string StrategySha256,
    IReadOnlyList<DataFileRecord> DataFiles,
    DateTime? From,
    DateTime? To,
    string OnBadRow);
