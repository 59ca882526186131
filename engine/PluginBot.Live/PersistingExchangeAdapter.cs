using PluginBot.Persistence;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Live;

/// <summary>
/// Sits between the execution engine and the exchange and makes every order event durable before anyone acts on
/// it: an order is committed to the store before it is sent (so a crash can never leave an order the exchange has
/// and the store does not), and a state change or fill is committed before the engine books it (so a restart never
/// loses a fill the engine had seen). Re-recording the same order or fill is a no-op in the store, which is what makes
/// re-submitting after a restart idempotent.
/// </summary>
public sealed class PersistingExchangeAdapter : IExchangeAdapter, IExecutionEventSink
{
    private readonly IExchangeAdapter inner;
    private readonly TradingStore store;
    private readonly string strategy;
    private readonly IClock clock;
    private IExecutionEventSink? sink;

    /// <summary>Wraps <paramref name="inner"/> for <paramref name="strategy"/>.</summary>
    public PersistingExchangeAdapter(IExchangeAdapter inner, TradingStore store, string strategy, IClock clock)
    {
        this.inner = inner;
        this.store = store;
        this.strategy = strategy;
        this.clock = clock;
    }

    /// <inheritdoc />
    public string Name => inner.Name;

    /// <summary>
    /// Writes into the order's own transaction whatever must be as durable as the order — the host records the
    /// decision that sent it here, so the audit trail never holds an order without the decision that explains it.
    /// </summary>
    public Action<TradingStoreBatch>? BeforeSubmit { get; init; }

    /// <summary>Orders sent through this adapter (including re-submissions after a restart).</summary>
    public int Submitted { get; private set; }

    /// <inheritdoc />
    public void Attach(IExecutionEventSink sink)
    {
        this.sink = sink;
        inner.Attach(this);
    }

    /// <inheritdoc />
    public void Submit(OrderRequest order)
    {
        using (var batch = store.BeginBatch())
        {
            BeforeSubmit?.Invoke(batch);
            batch.RecordOrderSubmission(strategy, order, clock.UtcNow);
            batch.Commit();
        }

        Submitted++;
        inner.Submit(order);
    }

    /// <inheritdoc />
    public void Cancel(string clientOrderId) => inner.Cancel(clientOrderId);

    /// <inheritdoc />
    public void OnOrderUpdate(OrderUpdate update)
    {
        using (var batch = store.BeginBatch())
        {
            batch.RecordOrderUpdate(update);
            batch.Commit();
        }

        Sink.OnOrderUpdate(update);
    }

    /// <inheritdoc />
    public void OnFill(Fill fill)
    {
        using (var batch = store.BeginBatch())
        {
            batch.RecordFill(fill);
            batch.Commit();
        }

        Sink.OnFill(fill);
    }

    private IExecutionEventSink Sink => sink ?? throw new InvalidOperationException("The adapter was not attached to an execution engine.");
}
