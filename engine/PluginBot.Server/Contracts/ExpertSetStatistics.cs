namespace PluginBot.Server.Contracts;

/// <summary>How one expert set of a split has done so far; shadow sets count paper trades.</summary>
/// <param name="ExpertSet">The set.</param>
/// <param name="Role">Control or candidate.</param>
/// <param name="Decisions">Decisions taken.</param>
/// <param name="Trades">Closed trades.</param>
/// <param name="WinningTrades">Closed trades with a profit.</param>
/// <param name="RealizedProfitLoss">Realised profit and loss after fees.</param>
public sealed record ExpertSetStatistics(string ExpertSet, SplitRole Role, long Decisions, long Trades, long WinningTrades, decimal RealizedProfitLoss);
