using PluginBot.Sdk.Orders;

namespace PluginBot.Persistence;

/// <summary>One order as the store restores it: the request as sent, every state change in arrival order and its fills.</summary>
/// <param name="Strategy">The strategy that sent it.</param>
/// <param name="Request">The order as it was recorded before sending.</param>
/// <param name="SentTime">When the engine recorded it as about to be sent.</param>
/// <param name="Updates">Every state change reported for it, oldest first.</param>
/// <param name="Fills">Every fill booked for it, oldest first.</param>
public sealed record StoredOrder(string Strategy, OrderRequest Request, DateTime SentTime, IReadOnlyList<OrderUpdate> Updates, IReadOnlyList<Fill> Fills)
{
    /// <summary>The latest state; <see cref="OrderStatus.PendingSubmit"/> while nothing came back from the exchange.</summary>
    public OrderStatus Status => Updates.Count == 0 ? OrderStatus.PendingSubmit : Updates[^1].Status;

    /// <summary>Quantity filled according to the booked fills, which are what moved money (an update's count may lag them).</summary>
    public decimal FilledQuantity => Fills.Sum(fill => fill.Quantity);

    /// <summary>The reason of the last rejection, cancel or expiry, if any.</summary>
    public string? Reason => Updates.LastOrDefault(update => update.Reason is not null)?.Reason;

    /// <summary>
    /// True when the order was recorded as about to be sent but the exchange never acknowledged it (no update beyond
    /// <see cref="OrderStatus.PendingSubmit"/> and no fill). After a crash such an order may or may not have reached the
    /// exchange: ask the exchange by client order id instead of sending it again.
    /// </summary>
    public bool AwaitingAcknowledgement => Fills.Count == 0 && Updates.All(update => update.Status == OrderStatus.PendingSubmit);
}
