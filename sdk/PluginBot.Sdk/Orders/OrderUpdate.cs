namespace PluginBot.Sdk.Orders;

/// <summary>A change of an order's state, reported by the exchange adapter.</summary>
/// <param name="ClientOrderId">The order.</param>
/// <param name="Status">The new state.</param>
/// <param name="Time">UTC time of the change.</param>
/// <param name="FilledQuantity">Total quantity filled so far.</param>
/// <param name="Reason">Why, for rejections, cancels and expiries; null otherwise.</param>
public sealed record OrderUpdate(string ClientOrderId, OrderStatus Status, DateTime Time, decimal FilledQuantity, string? Reason = null);
