namespace PluginBot.Engine.WalkForward;

/// <summary>How one variant did on one fold's test window.</summary>
/// <param name="Variant">The variant's name.</param>
/// <param name="Fold">The fold.</param>
/// <param name="TotalReturn">Equity change over the test window, as a fraction of the equity at its start.</param>
/// <param name="SharpeRatio">Annualised Sharpe ratio of per-bar returns in the test window.</param>
/// <param name="MaximumDrawdown">Largest peak-to-trough equity loss in the test window, as a fraction.</param>
/// <param name="Turnover">Traded notional over starting equity.</param>
/// <param name="Trades">Closed round trips.</param>
public sealed record WalkForwardFoldResult(string Variant, WalkForwardFold Fold, decimal TotalReturn, double SharpeRatio, decimal MaximumDrawdown, decimal Turnover, int Trades);
