namespace PluginBot.Engine.Backtest;

/// <summary>One data file a backtest read, identified by content so a result can be traced to its exact input.</summary>
/// <param name="Path">The path as given.</param>
/// <param name="Sha256">SHA-256 of the file's bytes, lowercase hex.</param>
/// <param name="Symbol">The symbol read from it.</param>
/// <param name="Bars">Bars used after resampling and cutting.</param>
/// <param name="SkippedRows">Bad rows skipped.</param>
public sealed record DataFileRecord(string Path, string Sha256, string Symbol, int Bars, int SkippedRows);
