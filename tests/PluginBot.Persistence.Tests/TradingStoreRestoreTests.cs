using PluginBot.Sdk.Orders;

namespace PluginBot.Persistence.Tests;

public sealed class TradingStoreRestoreTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();
    private readonly TradingStore store;

    public TradingStoreRestoreTests()
    {
        store = TradingStore.Open(directory.File("host.db"));
    }

    public void Dispose()
    {
        store.Dispose();
        directory.Dispose();
    }

    [Fact]
    public void Load_FillsThatAddReduceAndFlip_RecomputesPositionByAverageCost()
    {
        // Buy 2 @ 100 and 1 @ 130: long 3 @ 110. Sell 2 @ 120: realise +20, long 1 @ 110.
        // Sell 3 @ 90: realise (90 - 110) × 1 = -20 and open short 2 @ 90. Total realised 0, fees 4 × 0.5.
        StoreEvents.FilledOrder(store, "alpha", "a-1", OrderSide.Buy, 2m, 100m, tradeId: 1);
        StoreEvents.FilledOrder(store, "alpha", "a-2", OrderSide.Buy, 1m, 130m, tradeId: 2);
        StoreEvents.FilledOrder(store, "alpha", "a-3", OrderSide.Sell, 2m, 120m, tradeId: 3);
        StoreEvents.FilledOrder(store, "alpha", "a-4", OrderSide.Sell, 3m, 90m, tradeId: 4);
        StoreEvents.FilledOrder(store, "alpha", "a-5", OrderSide.Buy, 1m, 50m, tradeId: 5, symbol: "ETHUSDT");
        StoreEvents.FilledOrder(store, "beta", "b-1", OrderSide.Buy, 7m, 10m, tradeId: 6);

        var positions = store.Load("alpha").Positions;

        Assert.Equal(
            [new RecomputedPosition("BTCUSDT", -2m, 90m, 0m, 2m), new RecomputedPosition("ETHUSDT", 1m, 50m, 0m, 0.5m)],
            positions);
    }

    [Fact]
    public void Load_SnapshotAgreeingWithFillsBeforeIt_ReportsNoMismatchEvenWithLaterFills()
    {
        StoreEvents.FilledOrder(store, "alpha", "a-1", OrderSide.Buy, 2m, 100m, tradeId: 1);
        using (var batch = store.BeginBatch())
        {
            batch.RecordPositionSnapshot("alpha", new PositionSnapshot("BTCUSDT", 2m, 100m, StoreEvents.Start));
            batch.Commit();
        }

        StoreEvents.FilledOrder(store, "alpha", "a-2", OrderSide.Buy, 1m, 100m, tradeId: 2);

        var restore = store.Load("alpha");
        Assert.Empty(restore.PositionMismatches);
        Assert.Equal(3m, Assert.Single(restore.Positions).Quantity);
    }

    [Fact]
    public void Load_SnapshotDisagreeingWithFills_ReportsTheMismatchAndKeepsTheFillsPosition()
    {
        StoreEvents.FilledOrder(store, "alpha", "a-1", OrderSide.Buy, 2m, 100m, tradeId: 1);
        using (var batch = store.BeginBatch())
        {
            batch.RecordPositionSnapshot("alpha", new PositionSnapshot("BTCUSDT", 5m, 100m, StoreEvents.Start.AddHours(1)));
            batch.Commit();
        }

        var restore = store.Load("alpha");

        var mismatch = Assert.Single(restore.PositionMismatches);
        Assert.Equal(new PositionMismatch("BTCUSDT", 5m, 2m, StoreEvents.Start.AddHours(1)), mismatch);
        Assert.Equal("BTCUSDT: the snapshot of 2024-03-01T13:00:00.0000000Z says 5 but the fills stored before it add up to 2", mismatch.Description);
        Assert.Equal(2m, Assert.Single(restore.Positions).Quantity);
    }

    [Fact]
    public void Load_OrderRecordedButNeverAcknowledged_IsReturnedAsUnacknowledged()
    {
        using (var batch = store.BeginBatch())
        {
            var sequence = batch.ReserveOrderSequence("alpha");
            batch.RecordOrderSubmission("alpha", StoreEvents.Market($"alpha-{sequence}", OrderSide.Buy, 1m), StoreEvents.Start);
            batch.Commit();
        }

        StoreEvents.FilledOrder(store, "alpha", "alpha-acknowledged", OrderSide.Buy, 1m, 100m, tradeId: 9);
        using (var batch = store.BeginBatch())
        {
            // Reserved and committed but never recorded as sent: an id that was certainly never sent.
            batch.ReserveOrderSequence("alpha");
            batch.Commit();
        }

        var restore = store.Load("alpha");

        var pending = Assert.Single(restore.UnacknowledgedOrders);
        Assert.Equal("alpha-1", pending.Request.ClientOrderId);
        Assert.Equal(OrderStatus.PendingSubmit, pending.Status);
        Assert.Equal(2, restore.Orders.Count);
        Assert.Equal(3, restore.NextOrderSequence);
    }
}
