namespace PluginBot.Engine.WalkForward;

/// <summary>A variant's out-of-sample record over every fold.</summary>
/// <param name="Variant">The variant's name.</param>
/// <param name="CompoundedReturn">The test-window returns compounded over the folds (as if chained).</param>
/// <param name="MeanSharpeRatio">Mean of the per-fold Sharpe ratios.</param>
/// <param name="WorstDrawdown">Largest per-fold maximum drawdown.</param>
/// <param name="MeanTurnover">Mean per-fold turnover.</param>
/// <param name="Trades">Round trips over all folds.</param>
/// <param name="FoldsWon">Folds in which the variant's return beat buy-and-hold's.</param>
public sealed record WalkForwardSummary(string Variant, decimal CompoundedReturn, double MeanSharpeRatio, decimal WorstDrawdown, decimal MeanTurnover, int Trades, int FoldsWon);
