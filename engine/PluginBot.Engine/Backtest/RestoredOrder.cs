using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Backtest;

/// <summary>An order a previous run of the strategy sent, as its persisted history has it, for resuming after a stop or crash.</summary>
/// <param name="Request">The order as sent (its client order id is the key on the exchange).</param>
/// <param name="SentTime">When it was sent.</param>
/// <param name="Updates">Every state change seen, in order.</param>
/// <param name="Fills">Every fill seen, in order.</param>
public sealed record RestoredOrder(OrderRequest Request, DateTime SentTime, IReadOnlyList<OrderUpdate> Updates, IReadOnlyList<Fill> Fills);
