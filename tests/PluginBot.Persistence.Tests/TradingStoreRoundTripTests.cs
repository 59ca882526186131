using PluginBot.Sdk.Orders;

namespace PluginBot.Persistence.Tests;

public sealed class TradingStoreRoundTripTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Load_OrderWithEveryField_ReturnsTheRequestAndItsHistoryInOrder()
    {
        var request = new OrderRequest("alpha-00000001", "ETHUSDT", OrderSide.Sell, OrderType.StopLimit, 1.25m, limitPrice: 2999.5m, stopPrice: 3000.25m,
            timeInForce: TimeInForce.ImmediateOrCancel, reduceOnly: true);
        var updates = new[]
        {
            new OrderUpdate(request.ClientOrderId, OrderStatus.Accepted, StoreEvents.Start.AddSeconds(1), 0m),
            new OrderUpdate(request.ClientOrderId, OrderStatus.PartiallyFilled, StoreEvents.Start.AddSeconds(2), 0.5m),
            new OrderUpdate(request.ClientOrderId, OrderStatus.Cancelled, StoreEvents.Start.AddSeconds(3), 0.5m, "expired by IOC"),
        };
        var fill = new Fill(request.ClientOrderId, "ETHUSDT", OrderSide.Sell, 0.5m, 2999.75m, 0.15m, LiquidityRole.Maker, StoreEvents.Start.AddSeconds(2), 77);
        using (var store = TradingStore.Open(directory.File("host.db")))
        {
            using var batch = store.BeginBatch();
            batch.RecordOrderSubmission("alpha", request, StoreEvents.Start);
            foreach (var update in updates)
            {
                batch.RecordOrderUpdate(update);
            }

            batch.RecordFill(fill);
            batch.Commit();
        }

        using var reopened = TradingStore.Open(directory.File("host.db"));
        var order = Assert.Single(reopened.Load("alpha").Orders);
        Assert.Equal(request, order.Request);
        Assert.Equal(StoreEvents.Start, order.SentTime);
        Assert.Equal(updates, order.Updates);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal("expired by IOC", order.Reason);
        Assert.Equal(0.5m, order.FilledQuantity);
        Assert.Equal(fill, Assert.Single(order.Fills));
        Assert.False(order.AwaitingAcknowledgement);
    }

    [Fact]
    public void Load_SnapshotsAndRecords_ReturnsLatestBalancesVersionsDecisionsAndEverySwap()
    {
        using (var store = TradingStore.Open(directory.File("host.db")))
        {
            using var batch = store.BeginBatch();
            batch.RecordBalanceSnapshot("alpha", new BalanceSnapshot("USDT", 1000m, 900m, StoreEvents.Start));
            batch.RecordBalanceSnapshot("alpha", new BalanceSnapshot("USDT", 1010.5m, 1010.5m, StoreEvents.Start.AddMinutes(1)));
            batch.RecordBalanceSnapshot("alpha", new BalanceSnapshot("BTC", 0.01m, 0.01m, StoreEvents.Start));
            batch.RecordBalanceSnapshot("beta", new BalanceSnapshot("USDT", 5m, 5m, StoreEvents.Start));
            batch.RecordVersion("alpha", new VersionChange("strategy", VersionKind.Script, "1.0.0+abc", StoreEvents.Start));
            batch.RecordVersion("alpha", new VersionChange("risk[0]", VersionKind.Plugin, "2.1.0", StoreEvents.Start));
            batch.RecordVersion("alpha", new VersionChange("strategy", VersionKind.Script, "1.0.1+def", StoreEvents.Start.AddMinutes(5)));
            batch.RecordVersion("alpha", new VersionChange("expert:trend", VersionKind.Model, "sha256:0f1e", StoreEvents.Start));
            batch.RecordDecision("alpha", "BTCUSDT", StoreEvents.Start, """{"outcome":"OrderSent"}""");
            batch.RecordDecision("alpha", "ETHUSDT", StoreEvents.Start.AddMinutes(1), """{"outcome":"Vetoed","reason":"drawdown"}""");
            batch.RecordSwap("alpha", StoreEvents.Start.AddMinutes(5), """{"slot":"strategy","fromVersion":"1.0.0+abc","toVersion":"1.0.1+def","succeeded":true}""");
            batch.Commit();
        }

        using var reopened = TradingStore.Open(directory.File("host.db"));
        var restore = reopened.Load("alpha");
        Assert.Equal(
            [new BalanceSnapshot("BTC", 0.01m, 0.01m, StoreEvents.Start), new BalanceSnapshot("USDT", 1010.5m, 1010.5m, StoreEvents.Start.AddMinutes(1))],
            restore.Balances);
        Assert.Equal(
            [
                new VersionChange("expert:trend", VersionKind.Model, "sha256:0f1e", StoreEvents.Start),
                new VersionChange("risk[0]", VersionKind.Plugin, "2.1.0", StoreEvents.Start),
                new VersionChange("strategy", VersionKind.Script, "1.0.1+def", StoreEvents.Start.AddMinutes(5)),
            ],
            restore.VersionsInUse);
        Assert.Equal(["""{"outcome":"OrderSent"}""", """{"outcome":"Vetoed","reason":"drawdown"}"""], restore.RecentDecisions.Select(decision => decision.RecordJson));
        Assert.Equal(["BTCUSDT", "ETHUSDT"], restore.RecentDecisions.Select(decision => decision.Symbol));
        var swap = Assert.Single(restore.Swaps);
        Assert.Contains("\"toVersion\":\"1.0.1+def\"", swap.RecordJson, StringComparison.Ordinal);
        Assert.Equal(StoreEvents.Start.AddMinutes(5), swap.Time);
        Assert.Equal(["alpha", "beta"], reopened.ListStrategies());
    }

    [Fact]
    public void ReadDecisions_AfterASequence_ReturnsTheNextPageOfThatStrategyOnly()
    {
        using var store = TradingStore.Open(directory.File("host.db"));
        var sequences = new List<long>();
        using (var batch = store.BeginBatch())
        {
            for (var index = 0; index < 5; index++)
            {
                sequences.Add(batch.RecordDecision("alpha", "BTCUSDT", StoreEvents.Start.AddMinutes(index), $$"""{"index":{{index}}}"""));
                batch.RecordDecision("beta", "BTCUSDT", StoreEvents.Start.AddMinutes(index), """{"other":true}""");
            }

            batch.Commit();
        }

        var firstPage = store.ReadDecisions("alpha", 0, 2);
        var secondPage = store.ReadDecisions("alpha", firstPage[^1].Sequence, 2);
        var lastPage = store.ReadDecisions("alpha", secondPage[^1].Sequence, 2);

        Assert.Equal(["""{"index":0}""", """{"index":1}"""], firstPage.Select(decision => decision.RecordJson));
        Assert.Equal(["""{"index":2}""", """{"index":3}"""], secondPage.Select(decision => decision.RecordJson));
        Assert.Equal(["""{"index":4}"""], lastPage.Select(decision => decision.RecordJson));
        Assert.Equal(sequences, firstPage.Concat(secondPage).Concat(lastPage).Select(decision => decision.Sequence));
        Assert.Equal(2, store.Load("alpha", recentDecisionCount: 2).RecentDecisions.Count);
        Assert.Equal(sequences[^1], store.Load("alpha", recentDecisionCount: 2).RecentDecisions[^1].Sequence);
    }

    [Fact]
    public void ReserveOrderSequence_AcrossReopens_CountsUpPerStrategyAndNeverRepeats()
    {
        var reserved = new List<long>();
        for (var open = 0; open < 3; open++)
        {
            using var store = TradingStore.Open(directory.File("host.db"));
            using var batch = store.BeginBatch();
            reserved.Add(batch.ReserveOrderSequence("alpha"));
            reserved.Add(batch.ReserveOrderSequence("alpha"));
            batch.ReserveOrderSequence("beta");
            batch.Commit();
        }

        using var reopened = TradingStore.Open(directory.File("host.db"));
        Assert.Equal([1L, 2, 3, 4, 5, 6], reserved);
        Assert.Equal(7, reopened.Load("alpha").NextOrderSequence);
        Assert.Equal(4, reopened.Load("beta").NextOrderSequence);
        Assert.Equal(1, reopened.Load("never-seen").NextOrderSequence);
    }

    [Fact]
    public void RecordDecision_TextThatIsNotJson_IsRefusedNamingTheParameter()
    {
        using var store = TradingStore.Open(directory.File("host.db"));
        using var batch = store.BeginBatch();

        var error = Assert.Throws<ArgumentException>(() => batch.RecordDecision("alpha", "BTCUSDT", StoreEvents.Start, "{not json"));

        Assert.Equal("recordJson", error.ParamName);
    }
}
