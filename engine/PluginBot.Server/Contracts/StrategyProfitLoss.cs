namespace PluginBot.Server.Contracts;

/// <summary>Profit and loss of one strategy's account, in the account currency.</summary>
/// <param name="Strategy">The strategy.</param>
/// <param name="Realized">Realised by closed trades.</param>
/// <param name="Unrealized">Open positions marked to market.</param>
/// <param name="Daily">Equity change since 00:00 UTC.</param>
/// <param name="Fees">Fees paid.</param>
/// <param name="Equity">Cash plus the market value of positions.</param>
public sealed record StrategyProfitLoss(string Strategy, decimal Realized, decimal Unrealized, decimal Daily, decimal Fees, decimal Equity);
