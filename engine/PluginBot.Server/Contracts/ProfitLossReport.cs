namespace PluginBot.Server.Contracts;

/// <summary>Profit and loss per strategy and in total.</summary>
/// <param name="Strategies">One entry per strategy, in the host's order.</param>
/// <param name="Total">Their sum.</param>
public sealed record ProfitLossReport(IReadOnlyList<StrategyProfitLoss> Strategies, ProfitLossTotal Total);
