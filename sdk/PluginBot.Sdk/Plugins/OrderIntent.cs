using PluginBot.Sdk.Orders;

namespace PluginBot.Sdk.Plugins;

/// <summary>An order the engine intends to send, shown to the risk layers before it is sent.</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Quantity in base units, positive.</param>
/// <param name="ReferencePrice">The price the engine expects to trade near (last close).</param>
/// <param name="CurrentPosition">The signed position before the order.</param>
public readonly record struct OrderIntent(string Symbol, OrderSide Side, decimal Quantity, decimal ReferencePrice, decimal CurrentPosition)
{
    /// <summary>The signed position after the order fills completely.</summary>
    public decimal ResultingPosition => CurrentPosition + (Side == OrderSide.Buy ? Quantity : -Quantity);

    /// <summary>True when the order only shrinks the position (never opens, grows or flips it).</summary>
    public bool IsReducing => Math.Abs(ResultingPosition) < Math.Abs(CurrentPosition) && Math.Sign(ResultingPosition) * Math.Sign(CurrentPosition) >= 0;
}
