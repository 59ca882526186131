namespace PluginBot.Sdk.Orders;

/// <summary>The states of the order state machine. Filled, Cancelled, Rejected and Expired are final.</summary>
public enum OrderStatus
{
    /// <summary>Sent, not yet acknowledged by the exchange.</summary>
    PendingSubmit = 0,

    /// <summary>Acknowledged and working.</summary>
    Accepted = 1,

    /// <summary>Part of the quantity has traded; the rest is working.</summary>
    PartiallyFilled = 2,

    /// <summary>All of the quantity has traded.</summary>
    Filled = 3,

    /// <summary>Cancelled before it filled completely.</summary>
    Cancelled = 4,

    /// <summary>Refused; the update carries the reason.</summary>
    Rejected = 5,

    /// <summary>Ended by its time in force.</summary>
    Expired = 6,
}
