using PluginBot.Sdk.Orders;

namespace PluginBot.Sdk.Plugins;

/// <summary>Where an exchange adapter reports what happened to orders. Implemented by the engine.</summary>
public interface IExecutionEventSink
{
    /// <summary>An order changed state.</summary>
    void OnOrderUpdate(OrderUpdate update);

    /// <summary>An order traded (fully or partly). Reported before the matching state update.</summary>
    void OnFill(Fill fill);
}
