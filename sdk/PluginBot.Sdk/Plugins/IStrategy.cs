using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Signals;

namespace PluginBot.Sdk.Plugins;

/// <summary>
/// A strategy turns closed bars into decisions. It never sends orders: the engine sizes the decision,
/// runs it through the risk layers and executes what is approved.
/// </summary>
public interface IStrategy : IPlugin
{
    /// <summary>Called once per closed bar of every subscribed symbol, in time order; returns the decision for that symbol.</summary>
    Signal OnBar(in Bar bar);

    /// <summary>Called after one of the strategy's orders traded. The default does nothing.</summary>
    void OnFill(Fill fill)
    {
    }
}
