using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Execution;

/// <summary>One order's life: the request, every state it went through and its fills.</summary>
public sealed class OrderRecord
{
    private readonly List<OrderUpdate> updates = [];
    private readonly List<Fill> fills = [];

    internal OrderRecord(OrderRequest request, DateTime sentTime)
    {
        Request = request;
        SentTime = sentTime;
    }

    /// <summary>The order as sent.</summary>
    public OrderRequest Request { get; }

    /// <summary>When the engine sent it.</summary>
    public DateTime SentTime { get; }

    /// <summary>The latest state.</summary>
    public OrderStatus Status { get; private set; } = OrderStatus.PendingSubmit;

    /// <summary>Total quantity filled.</summary>
    public decimal FilledQuantity { get; private set; }

    /// <summary>The reason of the last rejection, cancel or expiry.</summary>
    public string? Reason { get; private set; }

    /// <summary>Every state change in order.</summary>
    public IReadOnlyList<OrderUpdate> Updates => updates;

    /// <summary>Every fill in order.</summary>
    public IReadOnlyList<Fill> Fills => fills;

    internal void Apply(OrderUpdate update)
    {
        if (Status.IsFinal())
        {
            throw new InvalidOperationException($"Order {Request.ClientOrderId} is already {Status} and cannot become {update.Status}.");
        }

        updates.Add(update);
        Status = update.Status;
        Reason = update.Reason ?? Reason;
    }

    internal void Apply(Fill fill)
    {
        fills.Add(fill);
        FilledQuantity += fill.Quantity;
    }
}
