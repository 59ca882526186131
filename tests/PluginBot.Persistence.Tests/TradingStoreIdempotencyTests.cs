using PluginBot.Sdk.Orders;

namespace PluginBot.Persistence.Tests;

public sealed class TradingStoreIdempotencyTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();
    private readonly TradingStore store;

    public TradingStoreIdempotencyTests()
    {
        store = TradingStore.Open(directory.File("host.db"));
    }

    public void Dispose()
    {
        store.Dispose();
        directory.Dispose();
    }

    [Fact]
    public void RecordFill_SameTradeTwice_SecondIsANoOpAndSaysSo()
    {
        var fill = StoreEvents.FillOf("alpha-1", OrderSide.Buy, 2m, 100m, tradeId: 11);
        bool first;
        bool second;
        using (var batch = store.BeginBatch())
        {
            batch.RecordOrderSubmission("alpha", StoreEvents.Market("alpha-1", OrderSide.Buy, 2m), StoreEvents.Start);
            first = batch.RecordFill(fill);
            batch.Commit();
        }

        using (var batch = store.BeginBatch())
        {
            second = batch.RecordFill(fill);
            batch.Commit();
        }

        var restore = store.Load("alpha");
        Assert.True(first);
        Assert.False(second);
        Assert.Single(restore.Fills);
        Assert.Equal(2m, Assert.Single(restore.Positions).Quantity);
    }

    [Fact]
    public void RecordFill_SameTradeIdOnAnotherOrder_IsADifferentFill()
    {
        using var batch = store.BeginBatch();
        batch.RecordOrderSubmission("alpha", StoreEvents.Market("alpha-1", OrderSide.Buy, 1m), StoreEvents.Start);
        batch.RecordOrderSubmission("alpha", StoreEvents.Market("alpha-2", OrderSide.Buy, 1m), StoreEvents.Start);

        Assert.True(batch.RecordFill(StoreEvents.FillOf("alpha-1", OrderSide.Buy, 1m, 100m, tradeId: 5)));
        Assert.True(batch.RecordFill(StoreEvents.FillOf("alpha-2", OrderSide.Buy, 1m, 100m, tradeId: 5)));
    }

    [Fact]
    public void RecordFill_SameTradeWithOtherTerms_ThrowsInsteadOfKeepingEither()
    {
        using var batch = store.BeginBatch();
        batch.RecordOrderSubmission("alpha", StoreEvents.Market("alpha-1", OrderSide.Buy, 2m), StoreEvents.Start);
        batch.RecordFill(StoreEvents.FillOf("alpha-1", OrderSide.Buy, 1m, 100m, tradeId: 5));

        var error = Assert.Throws<InvalidOperationException>(() => batch.RecordFill(StoreEvents.FillOf("alpha-1", OrderSide.Buy, 2m, 100m, tradeId: 5)));

        Assert.Contains("Trade 5 of order alpha-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordFill_ForAnOrderNeverRecorded_ThrowsNamingTheOrder()
    {
        using var batch = store.BeginBatch();

        var error = Assert.Throws<InvalidOperationException>(() => batch.RecordFill(StoreEvents.FillOf("ghost-9", OrderSide.Buy, 1m, 100m, tradeId: 1)));

        Assert.Contains("ghost-9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordOrderSubmission_SameOrderTwice_SecondIsANoOp()
    {
        using var batch = store.BeginBatch();
        var request = StoreEvents.Market("alpha-1", OrderSide.Sell, 3m);

        Assert.True(batch.RecordOrderSubmission("alpha", request, StoreEvents.Start));
        Assert.False(batch.RecordOrderSubmission("alpha", request, StoreEvents.Start.AddSeconds(1)));
        batch.Commit();
        Assert.Equal(StoreEvents.Start, Assert.Single(store.Load("alpha").Orders).SentTime);
    }

    [Fact]
    public void RecordOrderSubmission_IdReusedForAnotherOrder_Throws()
    {
        using var batch = store.BeginBatch();
        batch.RecordOrderSubmission("alpha", StoreEvents.Market("alpha-1", OrderSide.Sell, 3m), StoreEvents.Start);

        var error = Assert.Throws<InvalidOperationException>(() => batch.RecordOrderSubmission("alpha", StoreEvents.Market("alpha-1", OrderSide.Buy, 3m), StoreEvents.Start));

        Assert.Contains("alpha-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordOrderUpdate_RedeliveredUpdate_IsKeptOnce()
    {
        using (var batch = store.BeginBatch())
        {
            batch.RecordOrderSubmission("alpha", StoreEvents.Market("alpha-1", OrderSide.Buy, 1m), StoreEvents.Start);
            Assert.True(batch.RecordOrderUpdate(new OrderUpdate("alpha-1", OrderStatus.Accepted, StoreEvents.Start, 0m)));
            Assert.True(batch.RecordOrderUpdate(new OrderUpdate("alpha-1", OrderStatus.Filled, StoreEvents.Start.AddSeconds(1), 1m)));
            Assert.False(batch.RecordOrderUpdate(new OrderUpdate("alpha-1", OrderStatus.Accepted, StoreEvents.Start, 0m)));
            batch.Commit();
        }

        var order = Assert.Single(store.Load("alpha").Orders);
        Assert.Equal([OrderStatus.Accepted, OrderStatus.Filled], order.Updates.Select(update => update.Status));
    }

    [Fact]
    public void BeginBatch_DisposedWithoutCommit_LeavesNothingBehind()
    {
        using (var batch = store.BeginBatch())
        {
            batch.ReserveOrderSequence("alpha");
            batch.RecordOrderSubmission("alpha", StoreEvents.Market("alpha-1", OrderSide.Buy, 1m), StoreEvents.Start);
            batch.RecordFill(StoreEvents.FillOf("alpha-1", OrderSide.Buy, 1m, 100m, tradeId: 1));
        }

        var restore = store.Load("alpha");
        Assert.Empty(restore.Orders);
        Assert.Empty(restore.Fills);
        Assert.Equal(1, restore.NextOrderSequence);
    }
}
