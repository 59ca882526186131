using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Execution;

/// <summary>What an operator's flatten needs from the execution engine.</summary>
public sealed partial class ExecutionEngine
{
    /// <summary>
    /// Asks the venue to cancel every working order of <paramref name="symbol"/> — entries and exits — so nothing sent
    /// earlier can fill after a flatten or shrink the position under a reduce-only flatten order. Returns the ids asked.
    /// </summary>
    public IReadOnlyList<string> CancelWorkingOrders(string symbol)
    {
        var cancelled = new List<string>();
        foreach (var record in orderList)
        {
            if (!record.Status.IsFinal() && string.Equals(record.Request.Symbol, symbol, StringComparison.Ordinal))
            {
                cancelled.Add(record.Request.ClientOrderId);
            }
        }

        foreach (var id in cancelled)
        {
            exchange.Cancel(id);
        }

        return cancelled;
    }
}
