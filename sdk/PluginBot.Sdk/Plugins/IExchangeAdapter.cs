using PluginBot.Sdk.Orders;

namespace PluginBot.Sdk.Plugins;

/// <summary>
/// The connection to one venue: simulated, paper or a real exchange. Only the engine's execution layer calls it.
/// Results come back through the <see cref="IExecutionEventSink"/> given to <see cref="Attach"/>.
/// </summary>
public interface IExchangeAdapter
{
    /// <summary>A stable venue name, for example "simulated" or "binance-spot".</summary>
    string Name { get; }

    /// <summary>Gives the adapter the sink for order updates and fills. Called once, before any order.</summary>
    void Attach(IExecutionEventSink sink);

    /// <summary>Sends an order. A client order id the adapter has seen before is not sent again.</summary>
    void Submit(OrderRequest order);

    /// <summary>Asks the venue to cancel a working order; the result arrives as an update.</summary>
    void Cancel(string clientOrderId);
}
