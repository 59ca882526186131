using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Binance.Tests;

/// <summary>The engine's side of the adapter in tests: records every update and fill, in order.</summary>
internal sealed class RecordingSink : IExecutionEventSink
{
    private readonly List<object> events = [];

    public IReadOnlyList<object> Events
    {
        get
        {
            lock (events)
            {
                return events.ToArray();
            }
        }
    }

    public IReadOnlyList<Fill> Fills => Events.OfType<Fill>().ToArray();

    public IReadOnlyList<OrderUpdate> Updates => Events.OfType<OrderUpdate>().ToArray();

    public OrderStatus? LastStatus(string clientOrderId) => Updates.LastOrDefault(update => update.ClientOrderId == clientOrderId)?.Status;

    public void OnFill(Fill fill)
    {
        lock (events)
        {
            events.Add(fill);
        }
    }

    public void OnOrderUpdate(OrderUpdate update)
    {
        lock (events)
        {
            events.Add(update);
        }
    }

    public async Task WaitUntilAsync(Func<RecordingSink, bool> condition, int timeoutMilliseconds = 10000)
    {
        var waited = 0;
        while (!condition(this))
        {
            if (waited > timeoutMilliseconds)
            {
                throw new TimeoutException("The expected adapter events did not arrive.");
            }

            await Task.Delay(10);
            waited += 10;
        }
    }
}
