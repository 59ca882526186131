using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Exchange;

/// <summary>An order accepted by the simulated exchange and not yet final.</summary>
internal sealed class WorkingOrder
{
    public WorkingOrder(OrderRequest request, DateTime submitTime, DateTime arrivalTime)
    {
        Request = request;
        SubmitTime = submitTime;
        ArrivalTime = arrivalTime;
    }

    public OrderRequest Request { get; }

    /// <summary>When the engine sent it.</summary>
    public DateTime SubmitTime { get; }

    /// <summary>When it reaches the exchange (submit time plus latency): only bars starting at or after this can fill it.</summary>
    public DateTime ArrivalTime { get; }

    /// <summary>True once a stop-limit order's stop has been touched: from then on it is a resting limit.</summary>
    public bool Triggered { get; set; }

    /// <summary>True after the first bar it was eligible on: later fills are fills of a resting order.</summary>
    public bool HasSeenEligibleBar { get; set; }

    public bool IsDone { get; set; }
}
