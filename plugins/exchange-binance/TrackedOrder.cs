using PluginBot.Binance;
using PluginBot.Sdk.Orders;

namespace PluginBot.Plugins.Exchange.Binance;

/// <summary>What the adapter knows about one of the engine's orders. Changed only under the tracker's lock.</summary>
internal sealed class TrackedOrder
{
    public TrackedOrder(OrderRequest request, string exchangeClientOrderId)
    {
        Request = request;
        ExchangeClientOrderId = exchangeClientOrderId;
    }

    public OrderRequest Request { get; }

    public string ExchangeClientOrderId { get; }

    public long? ExchangeOrderId { get; set; }

    /// <summary>The last state reported to the engine.</summary>
    public OrderStatus Status { get; set; } = OrderStatus.PendingSubmit;

    /// <summary>Sum of the fills reported to the engine.</summary>
    public decimal FilledQuantity { get; set; }

    /// <summary>
    /// A final state Binance reported while fills it counts are still missing here (lost or reordered events); it is
    /// reported once the fills arrive, so the engine always sees fills before the state that includes them.
    /// </summary>
    public (OrderStatus Status, decimal Cumulative, string? Reason, DateTime Time)? PendingFinal { get; set; }

    /// <summary>True once the order was handed to the send loop (so reconciliation may look it up).</summary>
    public bool Sent { get; set; }
}
