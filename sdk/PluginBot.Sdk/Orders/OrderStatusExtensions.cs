namespace PluginBot.Sdk.Orders;

/// <summary>Helpers for <see cref="OrderStatus"/>.</summary>
public static class OrderStatusExtensions
{
    /// <summary>True for the states an order never leaves.</summary>
    public static bool IsFinal(this OrderStatus status) =>
        status is OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Rejected or OrderStatus.Expired;
}
