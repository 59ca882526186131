using PluginBot.Engine.Accounting;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Engine.Tests.Infrastructure;

/// <summary>
/// Records what the simulated exchange reports, in order. When given a portfolio it books fills into it the way
/// the execution engine does, so the exchange's buying-power and reduce-only checks see the resulting positions.
/// </summary>
internal sealed class RecordingExecutionSink : IExecutionEventSink
{
    private readonly Portfolio? bookInto;

    public RecordingExecutionSink(Portfolio? bookInto = null)
    {
        this.bookInto = bookInto;
    }

    public List<OrderUpdate> Updates { get; } = [];

    public List<Fill> Fills { get; } = [];

    public void OnOrderUpdate(OrderUpdate update) => Updates.Add(update);

    public void OnFill(Fill fill)
    {
        Fills.Add(fill);
        bookInto?.Apply(fill);
    }

    /// <summary>The updates of one order, oldest first.</summary>
    public IReadOnlyList<OrderUpdate> UpdatesFor(string clientOrderId) =>
        Updates.Where(update => update.ClientOrderId == clientOrderId).ToList();

    /// <summary>The latest update of one order.</summary>
    public OrderUpdate LastUpdateFor(string clientOrderId) => UpdatesFor(clientOrderId)[^1];
}
