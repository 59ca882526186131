namespace PluginBot.Server.Contracts;

/// <summary>The sum of every strategy's profit and loss, computed by the server from the per-strategy figures.</summary>
/// <param name="Realized">Sum of realised profit and loss.</param>
/// <param name="Unrealized">Sum of unrealised profit and loss.</param>
/// <param name="Daily">Sum of daily profit and loss.</param>
/// <param name="Fees">Sum of fees.</param>
/// <param name="Equity">Sum of equity.</param>
public sealed record ProfitLossTotal(decimal Realized, decimal Unrealized, decimal Daily, decimal Fees, decimal Equity);
