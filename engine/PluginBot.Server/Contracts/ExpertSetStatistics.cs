namespace PluginBot.Server.Contracts;

/// <summary>How one expert set of a split has done so far; shadow sets count paper trades.</summary>
/// <param name="ExpertSet">The set.</param>
/// <param name="Role">Control or candidate.</param>
/// <param name="Decisions">Decisions taken.</param>
/// <param name="Trades">Closed trades.</param>
/// <param name="WinningTrades">Closed trades with a profit.</param>
/// <param name="RealizedProfitLoss">Realised profit and loss after fees.</param>
/// <param name="HitRate">Share of scored decisions whose direction was right; null before any.</param>
/// <param name="MeanReturn">Mean return per scored decision (its hypothetical P&amp;L as a fraction, fees excluded); null before any.</param>
/// <param name="SharpeRatio">Mean over standard deviation of per-decision returns (not annualised); null with fewer than two.</param>
/// <param name="BrierScore">Calibration of stated confidence against outcomes (0 is perfect, 0.25 a coin); null before any.</param>
public sealed record ExpertSetStatistics(
    string ExpertSet,
    SplitRole Role,
    long Decisions,
    long Trades,
    long WinningTrades,
    decimal RealizedProfitLoss,
    double? HitRate = null,
    double? MeanReturn = null,
    double? SharpeRatio = null,
    double? BrierScore = null);
