using System.Net;
using PluginBot.Binance.FakeServer;
using PluginBot.Sdk.Orders;

namespace PluginBot.Binance.Tests;

/// <summary>
/// 1,000 orders through the adapter while the fake exchange misbehaves: 5xx before and after executing, dropped
/// answers, 429s, WebSocket disconnects, duplicated and reordered user events. The ledger is the truth.
/// </summary>
public sealed class ChaosTests
{
    private const int OrderCount = 1000;
    private const int WeightLimit = 1200;

    [Fact]
    public async Task ThousandOrdersUnderFaults_LedgerAndEngineAgreeExactly()
    {
        await using var fixture = await AdapterFixture.StartAsync(
            server: options => options with { SplitFills = true, WeightLimitPerMinute = WeightLimit },
            client: options => options with { WeightLimitPerMinute = WeightLimit - 100 });
        var server = fixture.Server;
        var random = new Random(20240305);
        var initial = server.Ledger.Balances;
        var prices = new Dictionary<string, decimal> { ["BTCUSDT"] = 50000m, ["ETHUSDT"] = 3000m };
        var submitted = new List<OrderRequest>();
        var resting = new List<string>();

        for (var index = 0; index < OrderCount; index++)
        {
            if (index % 50 == 0)
            {
                server.Faults.Schedule(FakeFaultKind.FailBeforeExecuting, 2, HttpStatusCode.ServiceUnavailable, "POST /api/v3/order");
                server.Faults.Schedule(FakeFaultKind.FailAfterExecuting, 2, HttpStatusCode.InternalServerError, "POST /api/v3/order");
                server.Faults.Schedule(FakeFaultKind.DropResponse, 2, filter: "POST /api/v3/order");
                server.Faults.Schedule(FakeFaultKind.FailBeforeExecuting, 1, HttpStatusCode.TooManyRequests);
                server.Faults.DuplicateNextEvents(5);
                server.Faults.ReorderNextEvents(5);
            }

            if (index % 200 == 100)
            {
                server.Streams.DisconnectAll();
            }

            var symbol = random.Next(2) == 0 ? "BTCUSDT" : "ETHUSDT";
            var price = prices[symbol];
            var side = random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
            var quantity = symbol == "BTCUSDT" ? 0.001m * random.Next(1, 10) : 0.01m * random.Next(1, 10);
            var id = $"chaos-{index:D4}";
            var kind = random.Next(10);
            var offset = Math.Round(price * 0.002m * random.Next(1, 5), 2);
            OrderRequest order = kind switch
            {
                < 6 => new OrderRequest(id, symbol, side, OrderType.Market, quantity),
                < 9 => new OrderRequest(id, symbol, side, OrderType.Limit, quantity, limitPrice: side == OrderSide.Buy ? price - offset : price + offset),
                _ => new OrderRequest(id, symbol, side, OrderType.StopMarket, quantity, stopPrice: side == OrderSide.Buy ? price + offset : price - offset),
            };
            submitted.Add(order);
            fixture.Adapter.Submit(order);
            if (kind >= 6)
            {
                resting.Add(id);
            }

            if (random.Next(20) == 0)
            {
                // The engine resubmits an id it already sent: it must not reach the exchange twice.
                fixture.Adapter.Submit(order);
            }

            if (index % 20 == 19)
            {
                await fixture.Adapter.WhenIdleAsync();
                prices[symbol] = Math.Round(price * (1m + (random.Next(-10, 11) * 0.001m)), 2);
                server.SetPrice(symbol, prices[symbol]);
                if (resting.Count > 0 && random.Next(2) == 0)
                {
                    fixture.Adapter.Cancel(resting[random.Next(resting.Count)]);
                }
            }
        }

        await fixture.Adapter.WhenIdleAsync();
        server.Faults.Clear();
        foreach (var id in resting)
        {
            fixture.Adapter.Cancel(id);
        }

        await fixture.Adapter.WhenIdleAsync();
        server.Streams.FlushHeldEvent();
        fixture.Adapter.RequestReconciliation();
        await fixture.Adapter.WhenIdleAsync();
        await fixture.Sink.WaitUntilAsync(sink => submitted.All(order => sink.LastStatus(order.ClientOrderId)?.IsFinal() == true), 20000);

        var ledgerOrders = server.Ledger.Orders;
        var ledgerTrades = server.Ledger.Trades;
        var engineIds = submitted.Select(order => order.ClientOrderId).ToHashSet(StringComparer.Ordinal);

        // No duplicate and no orphan: every engine order is on the exchange exactly once, and nothing else is.
        Assert.Equal(OrderCount, ledgerOrders.Count);
        Assert.Equal(OrderCount, ledgerOrders.Select(order => order.ClientOrderId).Distinct().Count());
        Assert.All(ledgerOrders, order => Assert.Contains(order.ClientOrderId, engineIds));
        Assert.DoesNotContain(ledgerOrders, order => order.IsOpen);
        Assert.All(ledgerOrders, order => Assert.Equal(order.Status, fixture.Sink.LastStatus(order.ClientOrderId)));

        // Every trade reported exactly once, and reported before the final state.
        var fills = fixture.Sink.Fills;
        Assert.Equal(ledgerTrades.Select(trade => trade.TradeId).Order(), fills.Select(fill => fill.TradeId).Order());
        AssertNeverBackFromFinalAndFillsFirst(fixture.Sink);

        // Balances: the engine's own bookkeeping from its fills equals the exchange's ledger and what the account API says.
        var ledgerBalances = server.Ledger.Balances;
        foreach (var (asset, symbol) in new[] { ("BTC", "BTCUSDT"), ("ETH", "ETHUSDT") })
        {
            Assert.Equal(ledgerBalances[asset], initial[asset] + fills.Where(fill => fill.Symbol == symbol).Sum(fill => fill.SignedQuantity));
        }

        Assert.Equal(ledgerBalances["USDT"], initial["USDT"] - fills.Sum(fill => (fill.SignedQuantity * fill.Price) + fill.Fee));
        var accountBalances = await fixture.Adapter.Client.GetBalancesAsync();
        Assert.All(accountBalances, balance => Assert.Equal(ledgerBalances[balance.Asset], balance.Free));

        // The faults really happened, and the weight limit was never broken.
        Assert.True(server.Faults.DeliveredHttpFaults >= 100, $"only {server.Faults.DeliveredHttpFaults} HTTP faults were delivered");
        Assert.True(server.Streams.UserConnectionsAccepted >= 6, $"only {server.Streams.UserConnectionsAccepted} stream connections");
        Assert.True(ledgerTrades.Count > OrderCount, "split fills should give more trades than orders");
        Assert.InRange(server.Weights.MaximumUsedWeight, 1, WeightLimit);
        Assert.Equal(0, server.Weights.Violations);
        Assert.Equal(0, server.Weights.RequestsDuringRetryAfter);
    }

    private static void AssertNeverBackFromFinalAndFillsFirst(RecordingSink sink)
    {
        var finalSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in sink.Events)
        {
            var id = item switch
            {
                OrderUpdate update => update.ClientOrderId,
                Fill fill => fill.ClientOrderId,
                _ => throw new InvalidOperationException(),
            };
            Assert.DoesNotContain(id, finalSeen);
            if (item is OrderUpdate { Status: var status } && status.IsFinal())
            {
                finalSeen.Add(id);
            }
        }
    }
}
