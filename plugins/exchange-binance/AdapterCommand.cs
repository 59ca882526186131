namespace PluginBot.Plugins.Exchange.Binance;

/// <summary>One unit of work for the adapter's single send loop; one loop means REST calls never race each other.</summary>
/// <param name="Order">A new order to send.</param>
/// <param name="CancelEngineId">An order to cancel.</param>
/// <param name="TradesSymbol">A symbol whose recent trades must be fetched.</param>
/// <param name="Reconcile">True for a full reconciliation.</param>
internal sealed record AdapterCommand(TrackedOrder? Order = null, string? CancelEngineId = null, string? TradesSymbol = null, bool Reconcile = false);
