using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Exchange;

/// <summary>How far a market-style fill trades from the reference price. Always against the order.</summary>
public interface ISlippageModel
{
    /// <summary>The price the order actually trades at, given the reference price the fill rules chose.</summary>
    decimal Apply(OrderSide side, decimal referencePrice, decimal quantity, in Bar bar);
}
